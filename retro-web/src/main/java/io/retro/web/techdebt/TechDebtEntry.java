package io.retro.web.techdebt;

import io.retro.api.team.MemberRole;
import io.retro.api.techdebt.Impact;
import io.retro.api.techdebt.StatusChangeView;
import io.retro.api.techdebt.TechDebtItemView;
import io.retro.api.techdebt.TechDebtStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A tech-debt item as the register shows it. {@code ageDays} counts whole days from its proposal to
 * its closing, or to now while open. {@code prioritiesDiffer} marks items that engineers back and
 * product managers do not, or the other way round.
 */
record TechDebtEntry(
        String id,
        String title,
        String description,
        String area,
        String estimate,
        Impact impact,
        TechDebtStatus status,
        int votes,
        long engineerVotes,
        long pmVotes,
        long facilitatorVotes,
        boolean myVote,
        boolean prioritiesDiffer,
        long ageDays,
        String proposedBy,
        Instant proposedAt,
        Instant closedAt,
        List<StatusChangeView> history) {

    static TechDebtEntry of(TechDebtItemView item, String viewerId, Instant now) {
        long engineers = item.votesBy(MemberRole.ENGINEER);
        long pms = item.votesBy(MemberRole.PRODUCT_MANAGER);
        Instant end = item.closedAt() == null ? now : item.closedAt();
        long age = item.proposedAt() == null ? 0 : Math.max(0, Duration.between(item.proposedAt(), end).toDays());
        return new TechDebtEntry(item.id(), item.title(), item.description(), item.area(), item.estimate(), item.impact(),
                item.status(), item.voters().size(), engineers, pms, item.votesBy(MemberRole.FACILITATOR),
                item.voters().containsKey(viewerId), (engineers == 0) != (pms == 0), age,
                item.proposedBy(), item.proposedAt(), item.closedAt(), item.history());
    }
}
