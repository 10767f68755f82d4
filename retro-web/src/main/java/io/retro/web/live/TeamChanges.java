package io.retro.web.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Changes to the aggregates of one team of one kind (its product updates, its tech-debt items), for a
 * live team page. A {@link LiveChange} names only its aggregate, so each stream asks the read
 * model once per aggregate whether it belongs to the team and remembers the answer once found; that also catches aggregates
 * created after the stream opened, which no list taken at its start could.
 */
@Component
public class TeamChanges {

    private static final int LOOKUP_RETRIES = 5;
    private static final Duration LOOKUP_PAUSE = Duration.ofSeconds(1);

    private final LiveUpdates liveUpdates;

    public TeamChanges(LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    /**
     * @param ofKind which event types concern this kind of aggregate
     * @param teamOf the team of an aggregate of this kind, empty when it has none
     */
    public Flux<LiveChange> of(String teamId, Predicate<String> ofKind, Function<String, Mono<String>> teamOf) {
        return Flux.defer(() -> {
            Map<String, Boolean> belongs = new ConcurrentHashMap<>();
            return liveUpdates.all()
                    .filter(change -> ofKind.test(change.type()))
                    .concatMap(change -> {
                        Boolean known = belongs.get(change.aggregateId());
                        // Not found yet means the read model lags (the wait for it is bounded): ask
                        // again a little later, and remember only answers that were found.
                        Mono<Boolean> ours = known != null ? Mono.just(known)
                                : teamOf.apply(change.aggregateId())
                                        .repeatWhenEmpty(LOOKUP_RETRIES, attempts -> attempts.delayElements(LOOKUP_PAUSE))
                                        .map(teamId::equals)
                                        .doOnNext(answer -> belongs.put(change.aggregateId(), answer))
                                        .defaultIfEmpty(false);
                        return ours.filter(Boolean::booleanValue).map(yes -> change);
                    });
        });
    }
}
