package io.retro.web.team;

import io.retro.api.team.BalanceTargetView;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A team as the API shows it: members with display names, the band in force today and the history. */
record TeamDetailsView(String id, String name, List<Member> members, Band balanceTarget, List<Band> balanceHistory) {

    record Member(String userId, String displayName, MemberRole role) {}

    record Band(BigDecimal maintenanceMin, BigDecimal maintenanceMax, String rationale, LocalDate effectiveFrom,
            String agreedBy, Instant agreedAt) {

        static Band of(BalanceTargetView view) {
            return new Band(view.maintenanceMin(), view.maintenanceMax(), view.rationale(), view.effectiveFrom(),
                    view.agreedBy(), view.agreedAt());
        }
    }

    static TeamDetailsView of(TeamView team, Map<String, String> displayNames, LocalDate today) {
        return new TeamDetailsView(
                team.id(),
                team.name(),
                team.members().stream()
                        .map(m -> new Member(m.userId(), displayNames.getOrDefault(m.userId(), "Former member"), m.role()))
                        .toList(),
                team.balanceTargetOn(today).map(Band::of).orElse(null),
                team.balanceHistory().stream().map(Band::of).toList());
    }
}
