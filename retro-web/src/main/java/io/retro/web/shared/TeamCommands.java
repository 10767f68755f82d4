package io.retro.web.shared;

import io.retro.api.team.FindTeamQuery;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamView;
import io.retro.projections.team.TeamProjection;
import io.retro.security.RetroUser;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a command that an aggregate of a team (a product update, a tech-debt item) judges by the
 * requester's role in that team. This is the one place that role is looked up: from the team read
 * model, after it caught up with every stored event, so a member added a moment ago counts. The
 * command carries the role (null for non-members) and the aggregate decides; see
 * {@code io.retro.command.shared.TeamPermission} for why the aggregates do not keep members.
 */
@Component
public class TeamCommands {

    private final Gateways gateways;

    public TeamCommands(Gateways gateways) {
        this.gateways = gateways;
    }

    /** 404 when there is no such team; otherwise the command built for the requester's role, sent. */
    public <R> Mono<R> send(String teamId, RetroUser user, Function<MemberRole, Object> commandForRole) {
        // The role comes from the team read model alone; the other read models need not be current.
        return gateways.queryOptionalFrom(TeamProjection.PROCESSING_GROUP, new FindTeamQuery(teamId), TeamView.class)
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no team " + teamId + ".")))
                .flatMap(team -> gateways.send(commandForRole.apply(team.roleOf(user.id()).orElse(null))));
    }
}
