package io.retro.web.retro;

import io.retro.api.retro.FindRetroBoardQuery;
import io.retro.api.retro.RetroBoardView;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.eventstore.SequencedMongoEventStorageEngine;
import io.retro.projections.retro.RetroBoardProjection;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds a retro and the requester's place in its team: 404 for an unknown retro, 403 for someone
 * outside the team (the administrator may look). The role always comes from {@link TeamAccess}, as
 * of every stored event of the team.
 */
@Component
class RetroAccess {

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final SequencedMongoEventStorageEngine events;

    RetroAccess(Gateways gateways, TeamAccess teamAccess, SequencedMongoEventStorageEngine events) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.events = events;
    }

    /** For a read: the board as of every stored event, with the team. */
    Mono<RetroContext> of(String retroId, RetroUser user) {
        return gateways.queryOptionalFrom(RetroBoardProjection.PROCESSING_GROUP, new FindRetroBoardQuery(retroId, user.id()),
                        RetroBoardView.class)
                .map(found -> found.orElseThrow(() -> noRetro(retroId)))
                .flatMap(board -> teamAccess.readableTeam(board.teamId(), user)
                        .map(team -> new RetroContext(board, team, team.roleOf(user.id()).orElse(null))));
    }

    /**
     * For a command: the team and the role, without the board. A retro's team never changes, so it
     * is read from the retro's first event, and a command need not wait for the board read model,
     * which on a busy store is behind by the other commands' events.
     */
    Mono<RetroTeam> forCommand(String retroId, RetroUser user) {
        return Mono.fromCallable(() -> events.firstEventOf(retroId)
                        .filter(first -> first.getPayload() instanceof RetroStartedEvent)
                        .map(first -> ((RetroStartedEvent) first.getPayload()).teamId())
                        .orElseThrow(() -> noRetro(retroId)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(teamId -> teamAccess.readableTeam(teamId, user))
                .map(team -> new RetroTeam(team, team.roleOf(user.id()).orElse(null)));
    }

    private static NotFoundException noRetro(String retroId) {
        return new NotFoundException("There is no retro " + retroId + ".");
    }
}
