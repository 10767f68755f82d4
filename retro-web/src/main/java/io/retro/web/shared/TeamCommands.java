package io.retro.web.shared;

import io.retro.api.team.MemberRole;
import io.retro.security.RetroUser;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a command that an aggregate of a team (a product update, a tech-debt item) judges by the
 * requester's role in that team, looked up through {@link TeamAccess}. The command carries the
 * role (null for non-members) and the aggregate decides; see
 * {@code io.retro.command.shared.TeamPermission} for why the aggregates do not keep members.
 */
@Component
public class TeamCommands {

    private final Gateways gateways;
    private final TeamAccess teamAccess;

    public TeamCommands(Gateways gateways, TeamAccess teamAccess) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
    }

    /** 404 when there is no such team; otherwise the command built for the requester's role, sent. */
    public <R> Mono<R> send(String teamId, RetroUser user, Function<MemberRole, Object> commandForRole) {
        return teamAccess.team(teamId)
                .flatMap(team -> gateways.send(commandForRole.apply(team.roleOf(user.id()).orElse(null))));
    }
}
