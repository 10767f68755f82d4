package io.retro.eventstore;

import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModels;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read-after-write: before a query is answered, waits (boundedly) until every read model has
 * handled every event that was stored when the query arrived. A command answers only after its
 * events are stored, so a read sent after that answer sees the command.
 *
 * <p>"Stored" is decided against the store, not the counter: a number that was reserved but not
 * stored yet belongs to a command that has not answered, and a number that is never stored (a
 * failed append) must not make readers wait.
 */
@Component
public class ProjectionCatchUp {

    /** How far below the reserved head to look for the highest stored event in one lookup. */
    private static final int HEAD_WINDOW = 64;

    private final SequencedMongoEventStorageEngine engine;
    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final ReadModels readModels;
    private final Duration timeout;

    public ProjectionCatchUp(SequencedMongoEventStorageEngine engine, EventProcessingConfiguration processing,
            StoredTokens storedTokens, ReadModels readModels, @Value("${retro.read-your-writes-timeout:PT5S}") Duration timeout) {
        this.engine = engine;
        this.readModels = readModels;
        this.storedTokens = storedTokens;
        this.processing = processing;
        this.timeout = timeout;
    }

    /** Completes once the read models are current, or after the timeout, whichever is first. */
    public Mono<Void> await() {
        return await(name -> true);
    }

    /**
     * Completes once this one read model is current, or after the timeout: a read that needs only
     * one read model (a command's role lookup) need not wait for the others.
     */
    public Mono<Void> await(String processingGroup) {
        return await(this::storedHead, processingGroup::equals);
    }

    /**
     * Completes once this read model has handled every stored event of one aggregate, or after the
     * timeout. For a read model built from that aggregate's events alone this is exact, and it does
     * not wait for the events of every other aggregate stored meanwhile, as a busy store has many.
     */
    public Mono<Void> await(String processingGroup, String aggregateIdentifier) {
        return await(() -> engine.globalSequenceOfLastEvent(aggregateIdentifier).orElse(0L), processingGroup::equals);
    }

    /** Whether every read model has handled every stored event up to this global sequence number. */
    public boolean caughtUpWith(long globalSequence) {
        return caughtUp(globalSequence, name -> true);
    }

    private Mono<Void> await(Predicate<String> processors) {
        return await(this::storedHead, processors);
    }

    private Mono<Void> await(Callable<Long> lastToHandle, Predicate<String> processors) {
        return Mono.fromCallable(lastToHandle)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(head -> Mono.fromCallable(() -> caughtUp(head, processors))
                        .subscribeOn(Schedulers.boundedElastic())
                        .filter(Boolean::booleanValue)
                        .repeatWhenEmpty(repeats -> repeats.delayElements(Duration.ofMillis(5)))
                        .timeout(timeout, Mono.just(false)))
                .then();
    }

    /**
     * The highest stored number, looked for downwards from the reserved head one window at a time:
     * if the top numbers all belong to appends that failed, a read must not wait for them.
     */
    private long storedHead() {
        long upper = engine.reservedHead();
        while (upper >= 1) {
            long lower = Math.max(1, upper - HEAD_WINDOW + 1);
            List<Long> window = LongStream.rangeClosed(lower, upper).boxed().toList();
            var highest = engine.storedAmong(window).stream().mapToLong(Long::longValue).max();
            if (highest.isPresent()) {
                return highest.getAsLong();
            }
            upper = lower - 1;
        }
        return 0;
    }

    private boolean caughtUp(long head, Predicate<String> included) {
        if (head <= 0) {
            return true;
        }
        Collection<StreamingEventProcessor> processors =
                processing.eventProcessors().values().stream()
                        .filter(processor -> included.test(processor.getName()))
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .toList();
        for (StreamingEventProcessor processor : processors) {
            if (!processor.isRunning() || rebuilding(processor)) {
                // A read model being rebuilt answers from its previous generation meanwhile.
                continue;
            }
            Map<Integer, EventTrackerStatus> held = processor.processingStatus();
            for (EventTrackerStatus status : held.values()) {
                if (!covers(status.getTrackingToken(), head)) {
                    return false;
                }
            }
            if (!wholeRange(held.values()) && !othersCover(processor.getName(), held.keySet(), head)) {
                return false;
            }
        }
        return true;
    }

    private boolean rebuilding(StreamingEventProcessor processor) {
        return readModels.named(processor.getName()).map(ReadModel::rebuilding).orElse(false) || Replays.replaying(processor);
    }

    /** Whether the segments this node holds together cover every event. */
    private static boolean wholeRange(Collection<EventTrackerStatus> held) {
        // Masks are powers of two less one, so these fractions add up exactly.
        return held.stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1L)).sum() >= 1.0;
    }

    /**
     * Segments held by other nodes, judged by the tokens those nodes store. A node stores a
     * segment's token after each batch it handles, but while no event of that segment comes along
     * only every few seconds; so a stored token that is behind still covers the head when none of
     * the events it has not passed belongs to its segment.
     */
    private boolean othersCover(String processorName, Set<Integer> heldHere, long head) {
        Map<Integer, TrackingToken> stored = storedTokens.of(processorName);
        if (stored.isEmpty()) {
            return false;
        }
        int[] segmentIds = stored.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (Map.Entry<Integer, TrackingToken> entry : stored.entrySet()) {
            if (heldHere.contains(entry.getKey()) || covers(entry.getValue(), head)) {
                continue;
            }
            if (!(WrappedToken.unwrapLowerBound(entry.getValue()) instanceof GapAwareTrackingToken token)) {
                return false;
            }
            Segment segment = Segment.computeSegment(entry.getKey(), segmentIds);
            Optional<List<String>> pending = engine.aggregatesBetween(token, head);
            if (pending.isEmpty() || pending.get().stream().anyMatch(segment::matches)) {
                return false;
            }
        }
        return true;
    }

    private boolean covers(TrackingToken token, long head) {
        TrackingToken position = WrappedToken.unwrapLowerBound(token);
        if (!(position instanceof GapAwareTrackingToken gapAware)) {
            return false;
        }
        if (gapAware.getIndex() < head) {
            return false;
        }
        List<Long> gapsAtOrBelowHead = gapAware.getGaps().headSet(head + 1).stream().toList();
        return engine.storedAmong(gapsAtOrBelowHead).isEmpty();
    }
}
