package io.retro.web.retro;

import io.retro.security.RetroUser;
import io.retro.web.live.LiveChange;
import io.retro.web.live.LiveUpdates;
import java.time.Duration;
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
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final RetroAccess access;
    private final LiveUpdates liveUpdates;

    BoardStream(RetroAccess access, LiveUpdates liveUpdates) {
        this.access = access;
        this.liveUpdates = liveUpdates;
    }

    /**
     * Members only. The stream subscribes to the changes before it sends its opening comment, so
     * a client that waits for that comment misses no change made after it.
     */
    Mono<Flux<ServerSentEvent<LiveChange>>> of(String retroId, RetroUser user) {
        return access.of(retroId, user).map(context -> Flux.merge(
                liveUpdates.of(retroId).map(change -> ServerSentEvent.builder(change)
                        .event(EVENT)
                        .id(String.valueOf(change.sequenceNumber()))
                        .build()),
                Mono.just(ServerSentEvent.<LiveChange>builder().comment("connected").build()),
                Flux.interval(KEEP_ALIVE).map(tick -> ServerSentEvent.<LiveChange>builder().comment("keep-alive").build())));
    }
}
