package io.retro.web.shared;

import io.retro.api.team.FindTeamQuery;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamView;
import io.retro.command.shared.NotAllowedException;
import io.retro.projections.team.TeamProjection;
import io.retro.security.RetroUser;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place a team's members are looked up: from the team read model, once it has handled
 * every stored event of that team, so a member added a moment ago counts. The team read model is
 * built from the team's own events alone, so this waits for nothing else stored meanwhile.
 */
@Component
public class TeamAccess {

    private final Gateways gateways;

    public TeamAccess(Gateways gateways) {
        this.gateways = gateways;
    }

    /** The team; 404 when there is none. */
    public Mono<TeamView> team(String teamId) {
        return gateways.queryOptionalFor(TeamProjection.PROCESSING_GROUP, teamId, new FindTeamQuery(teamId), TeamView.class)
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no team " + teamId + ".")));
    }

    /** The team, when the user may read it (its members and the administrator); 404 when there is none, 403 otherwise. */
    public Mono<TeamView> readableTeam(String teamId, RetroUser user) {
        return team(teamId).doOnNext(team -> requireMember(team, user));
    }

    private static void requireMember(TeamView team, RetroUser user) {
        Optional<MemberRole> role = team.roleOf(user.id());
        if (role.isEmpty() && !user.admin()) {
            throw new NotAllowedException("Only members of this team may see it.");
        }
    }
}
