package io.retro.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Where the read models' processors read events: straight from the store, and woken the moment
 * this node stores events.
 *
 * <p>Axon's embedded event store gives its streams no way to announce new events, so a pooled
 * processor polls it every 500 ms when idle, and a read after a write waited that long for the read
 * models. These streams announce every append on this node at once. Events stored by other nodes
 * are picked up by a poll every {@code pollInterval}, as before.
 *
 * <p>Streams catching up with the history, as when every read model is rebuilt, read together
 * ({@link CatchingUpReaders}), so that the store serves each event once.
 */
public class StoredEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final SequencedMongoEventStorageEngine engine;
    private final int batchSize;
    private final Duration pollInterval;
    private final Set<StoredEventStream> open = ConcurrentHashMap.newKeySet();
    private final CatchingUpReaders catchingUp;
    private final Registration storedListener;
    private final ScheduledExecutorService poller;

    /**
     * @param catchUpPatience how long a reader catching up goes without reading before the others
     *     take it for stopped or failing and go on without it. Longer than a busy processor pauses:
     *     Axon's coordinator stops reading while each of its segments holds 1,024 events, and at a
     *     rebuild's pace a segment takes several seconds to work them off. With 2 s, the others took
     *     that pause for a stop and ran ahead for good.
     */
    public StoredEventSource(SequencedMongoEventStorageEngine engine, int batchSize, Duration pollInterval, Duration catchUpPatience) {
        this.engine = engine;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.catchingUp = new CatchingUpReaders(open, engine::headSeen, engine::reservedHead, engine.recentEventsKept() / 5,
                catchUpPatience, engine::readByAllUpTo);
        this.storedListener = engine.whenStored(this::announce);
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stored-events-poll");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::announce, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken after) {
        StoredEventStream stream = new StoredEventStream(engine, catchingUp, after, batchSize, pollInterval.toNanos(), open::remove);
        open.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    private void announce() {
        open.forEach(StoredEventStream::storedEvents);
    }

    @Override
    public void close() {
        storedListener.cancel();
        poller.shutdownNow();
    }
}
