package io.retro.api.techdebt;

import io.retro.api.team.MemberRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tech-debt item in the register. {@code voters} maps each voter's id to the role they voted in;
 * {@code closedAt} is when it was resolved or rejected, null while open; {@code history} is oldest
 * first.
 */
public record TechDebtItemView(
        String id,
        String teamId,
        String title,
        String description,
        String area,
        String estimate,
        Impact impact,
        TechDebtStatus status,
        String proposedBy,
        Instant proposedAt,
        Instant closedAt,
        Map<String, MemberRole> voters,
        List<StatusChangeView> history) {

    public long votesBy(MemberRole role) {
        return voters.values().stream().filter(role::equals).count();
    }
}
