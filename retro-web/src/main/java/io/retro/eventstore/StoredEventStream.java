package io.retro.eventstore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One reader's stream of stored events, fetched from the store a batch at a time. It is told when
 * events are stored ({@link #storedEvents()}) and passes that on to its consumer's callback, so a
 * pooled processor wakes at once instead of on its next poll. One thread consumes it; any thread
 * may announce stored events.
 *
 * <p>Its consumer may tell it which payload types it has no handler for; those events are then
 * left out, but for the last of each batch read, which still moves the consumer's token on. A
 * read model rebuilt from a history of retro items need not hand each item to a processor that
 * only counts teams.
 */
final class StoredEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private static final long HELD_BACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final SequencedMongoEventStorageEngine engine;
    private final CatchingUpReaders readers;
    private final int batchSize;
    private final long pollNanos;
    private final Consumer<StoredEventStream> onClose;
    private final Deque<TrackedEventMessage<?>> fetched = new ArrayDeque<>();
    private final Set<Class<?>> skipped = ConcurrentHashMap.newKeySet();
    private final Object announcements = new Object();
    private long announced;
    private TrackingToken fetchedUpTo;
    private volatile long position;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile boolean closed;
    /** Whether its last fetch was held back for a reader catching up behind it ({@link CatchingUpReaders}). */
    private volatile boolean heldBack;
    private volatile Runnable onAvailable = () -> {};

    StoredEventStream(SequencedMongoEventStorageEngine engine, CatchingUpReaders readers, TrackingToken after, int batchSize,
            long pollNanos, Consumer<StoredEventStream> onClose) {
        this.engine = engine;
        this.readers = readers;
        this.fetchedUpTo = after;
        this.position = positionOf(after);
        this.batchSize = batchSize;
        this.pollNanos = pollNanos;
        this.onClose = onClose;
    }

    /** New events may be readable: wakes a waiting reader and the consumer's callback. */
    void storedEvents() {
        synchronized (announcements) {
            announced++;
            announcements.notifyAll();
        }
        onAvailable.run();
    }

    /** Another reader read: if this one was held back for it, it and its consumer look again. */
    void wakeIfHeldBack() {
        if (heldBack) {
            storedEvents();
        }
    }

    /** The number of the last event this stream read from the store. */
    long position() {
        return position;
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return fetch() ? Optional.of(fetched.peekFirst()) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long seen;
            synchronized (announcements) {
                seen = announced;
            }
            if (fetch()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (announcements) {
                if (announced == seen) {
                    // Events stored by other nodes are not announced: look again after the poll
                    // interval. A reader held back looks again soon: the one it waits for may stop.
                    TimeUnit.NANOSECONDS.timedWait(announcements, Math.min(left, heldBack ? HELD_BACK_NANOS : pollNanos));
                }
            }
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
            // keeps waiting: a stream has no end
        }
        return fetched.pollFirst();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.onAvailable = callback;
        return true;
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        skipped.add(ignoredMessage.getPayloadType());
    }

    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
    }

    private boolean fetch() {
        if (!fetched.isEmpty()) {
            return true;
        }
        heldBack = !readers.mayRead(this);
        if (heldBack) {
            return false;
        }
        List<TrackedEventMessage<?>> read = engine.readBatch(fetchedUpTo, batchSize, skipped);
        fetched.addAll(read);
        if (!read.isEmpty()) {
            fetchedUpTo = read.get(read.size() - 1).trackingToken();
        }
        position = positionOf(fetchedUpTo);
        lastReadNanos = System.nanoTime();
        readers.read();
        return !fetched.isEmpty();
    }

    private static long positionOf(TrackingToken token) {
        return token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : 0;
    }
}
