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

    /** A reader catching up that has not read for this long is stopped or failing: the others go on without it. */
    private static final Duration CATCH_UP_PATIENCE = Duration.ofSeconds(2);

    private final SequencedMongoEventStorageEngine engine;
    private final int batchSize;
    private final Duration pollInterval;
    private final Set<StoredEventStream> open = ConcurrentHashMap.newKeySet();
    private final CatchingUpReaders catchingUp;
    private final Registration storedListener;
    private final ScheduledExecutorService poller;

    public StoredEventSource(SequencedMongoEventStorageEngine engine, int batchSize, Duration pollInterval) {
        this.engine = engine;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.catchingUp = new CatchingUpReaders(open, engine::reservedHead, engine.recentEventsKept() / 5,
                engine.recentEventsKept(), CATCH_UP_PATIENCE);
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
