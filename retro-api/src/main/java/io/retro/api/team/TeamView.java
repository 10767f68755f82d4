package io.retro.api.team;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A team: its members and every band it agreed, oldest first by the date each took effect. The band
 * in force on a day is the latest agreement whose {@code effectiveFrom} is not after that day.
 */
public record TeamView(String id, String name, List<TeamMemberView> members, List<BalanceTargetView> balanceHistory) {

    public Optional<MemberRole> roleOf(String userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).map(TeamMemberView::role).findFirst();
    }

    public Optional<BalanceTargetView> balanceTargetOn(LocalDate day) {
        return balanceHistory.stream()
                .filter(band -> !band.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(BalanceTargetView::effectiveFrom).thenComparing(BalanceTargetView::agreedAt));
    }
}
