package io.retro.eventstore;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;

/**
 * Keeps the readers that are catching up with the history together, so that they share the events
 * the engine read last ({@link RecentEvents}) instead of each reading the store. Rebuilding every
 * read model starts seven processors at the first event; left alone, the ones with little to write
 * run ahead, beyond what the engine remembers, and the store serves the history once per group.
 *
 * <p>A reader more than {@link #LIVE} events behind the head waits while another such reader is more
 * than {@code lead} events behind it, however far: what the one ahead read meanwhile would be gone
 * from the engine's memory before the one behind got there, so that both would read from the store.
 * Readers at the head never wait and are never waited for, and a reader that has not read for
 * {@code patience} (a stopped or failing processor) is not waited for either.
 */
final class CatchingUpReaders {

    /** Within this many events of the head a reader is live: it never waits. */
    static final long LIVE = 1_000;
    private static final long POLL_MILLIS = 10;

    private final Collection<StoredEventStream> readers;
    private final LongSupplier head;
    private final long lead;
    private final long patienceNanos;
    private final Object progress = new Object();

    /**
     * @param lead how far a reader may run ahead of one catching up behind it; well within what the
     *     engine remembers, so that the one behind still finds what the one ahead read
     */
    CatchingUpReaders(Collection<StoredEventStream> readers, LongSupplier head, long lead, Duration patience) {
        this.readers = readers;
        this.head = head;
        this.lead = lead;
        this.patienceNanos = patience.toNanos();
    }

    /**
     * Returns once {@code reader} may read its next batch. The head is looked up only when another
     * reader is behind, so readers that all read at the head cost nothing more.
     */
    void awaitTurn(StoredEventStream reader) throws InterruptedException {
        long current = -1;
        while (!reader.closed() && anotherCatchingUpBehind(reader)) {
            if (current < 0) {
                current = head.getAsLong();
            }
            if (current - reader.position() <= LIVE) {
                return;
            }
            synchronized (progress) {
                progress.wait(POLL_MILLIS);
            }
        }
    }

    /** Called after a reader read: the ones waiting for it look again. */
    void read() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Whether another reader, still reading, is behind this one by more than the lead. Behind a
     * reader that is catching up, it is catching up too.
     */
    private boolean anotherCatchingUpBehind(StoredEventStream reader) {
        long now = System.nanoTime();
        for (StoredEventStream other : readers) {
            long behind = reader.position() - other.position();
            if (other != reader && !other.closed() && behind > lead
                    && now - other.lastReadNanos() < patienceNanos) {
                return true;
            }
        }
        return false;
    }
}
