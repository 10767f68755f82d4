package io.retro.command.shared;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import java.util.Set;

/**
 * Role rules for aggregates that belong to a team but are not the team.
 *
 * <p>Membership changes over time and lives in the Team aggregate, which these aggregates must not
 * load. So the web layer resolves the requester's role from the team read model (read-after-write,
 * so a member added a moment ago is seen) and the command carries it as {@code requesterRole}, null
 * for non-members; the aggregate decides with it. Copying the members into each product update or
 * tech-debt item at creation would go stale as people join, leave or change role.
 *
 * <p>The administrator may do what a team's managing roles may (post, answer, move statuses), but
 * not what records a member's own opinion (acknowledge, ask, vote): the admin holds no role to record.
 */
public final class TeamPermission {

    private TeamPermission() {}

    /** The requester must be a member, in one of {@code allowed}; the administrator always may. */
    public static void requireRole(Requester requester, MemberRole role, Set<MemberRole> allowed, String action) {
        if (requester.admin()) {
            return;
        }
        if (role == null) {
            throw new NotAllowedException("Only members of this team may " + action + ".");
        }
        if (!allowed.contains(role)) {
            throw new NotAllowedException("Your role " + role + " may not " + action + "; that takes one of " + allowed + ".");
        }
    }

    /** The requester must be a member of the team, in any role, the administrator included. */
    public static MemberRole requireMember(MemberRole role, String action) {
        if (role == null) {
            throw new NotAllowedException("Only members of this team may " + action + ".");
        }
        return role;
    }
}
