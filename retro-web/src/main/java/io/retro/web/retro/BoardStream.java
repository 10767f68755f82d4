package io.retro.web.retro;

import io.retro.security.RetroUser;
import io.retro.web.live.LiveChange;
import io.retro.web.live.LiveUpdates;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A board's changes as server-sent events, one {@code board-changed} event per stored event of the
 * retro, with its type and sequence number only; clients fetch the board again to see what changed.
 *
 * <p>Several nodes: {@link LiveUpdates} on every node tails the shared event store itself, so a
 * stream opened on one node carries the changes made through any other. The board a client then
 * fetches waits for the read model to catch up, on whichever node serves it.
 */
@Component
class BoardStream {

    static final String EVENT = "board-changed";

    private final RetroAccess access;
    private final LiveUpdates liveUpdates;

    BoardStream(RetroAccess access, LiveUpdates liveUpdates) {
        this.access = access;
        this.liveUpdates = liveUpdates;
    }

    /** Members only. */
    Mono<Flux<ServerSentEvent<LiveChange>>> of(String retroId, RetroUser user) {
        return access.of(retroId, user).map(context -> liveUpdates.pageStream(
                liveUpdates.of(retroId).map(change -> ServerSentEvent.builder(change)
                        .event(EVENT)
                        .id(String.valueOf(change.sequenceNumber()))
                        .build())));
    }
}
