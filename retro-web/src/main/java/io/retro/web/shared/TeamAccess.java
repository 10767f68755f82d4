package io.retro.web.shared;

import io.retro.api.team.FindTeamQuery;
import io.retro.projections.team.TeamProjection;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamView;
import io.retro.command.shared.NotAllowedException;
import io.retro.security.RetroUser;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who may read a team's data: its members and the administrator. Commands check their own rules. */
@Component
public class TeamAccess {

    private final Gateways gateways;

    public TeamAccess(Gateways gateways) {
        this.gateways = gateways;
    }

    /** The team, when the user may read it; 404 when there is none, 403 when the user is not a member. */
    public Mono<TeamView> readableTeam(String teamId, RetroUser user) {
        return gateways.queryOptionalFrom(TeamProjection.PROCESSING_GROUP, new FindTeamQuery(teamId), TeamView.class)
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no team " + teamId + ".")))
                .doOnNext(team -> requireMember(team, user));
    }

    private static void requireMember(TeamView team, RetroUser user) {
        Optional<MemberRole> role = team.roleOf(user.id());
        if (role.isEmpty() && !user.admin()) {
            throw new NotAllowedException("Only members of this team may see it.");
        }
    }
}
