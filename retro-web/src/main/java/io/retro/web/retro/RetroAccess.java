package io.retro.web.retro;

import io.retro.api.retro.FindRetroBoardQuery;
import io.retro.api.retro.RetroBoardView;
import io.retro.projections.retro.RetroBoardProjection;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds a retro's board and the requester's place in its team: 404 for an unknown retro, 403 for
 * someone outside the team (the administrator may look). Both reads wait for the read models to
 * catch up, so the role a command is sent with is the role the team has as of this request.
 */
@Component
class RetroAccess {

    private final Gateways gateways;
    private final TeamAccess teamAccess;

    RetroAccess(Gateways gateways, TeamAccess teamAccess) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
    }

    Mono<RetroContext> of(String retroId, RetroUser user) {
        return gateways.queryOptionalFrom(RetroBoardProjection.PROCESSING_GROUP, new FindRetroBoardQuery(retroId, user.id()),
                        RetroBoardView.class)
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no retro " + retroId + ".")))
                .flatMap(board -> teamAccess.readableTeam(board.teamId(), user)
                        .map(team -> new RetroContext(board, team, team.roleOf(user.id()).orElse(null))));
    }
}
