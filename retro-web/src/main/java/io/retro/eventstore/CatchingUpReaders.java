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
 * than {@code lead} events behind it, but still within what the engine remembers: the one ahead
 * would read nothing the one behind could use. Readers at the head never wait and are never waited
 * for, and a reader that has not read for {@code patience} (a stopped or failing processor) is not
 * waited for either.
 */
final class CatchingUpReaders {

    /** Within this many events of the head a reader is live: it never waits. */
    static final long LIVE = 1_000;
    private static final long POLL_MILLIS = 10;

    private final Collection<StoredEventStream> readers;
    private final LongSupplier head;
    private final long lead;
    private final long reach;
    private final long patienceNanos;
    private final Object progress = new Object();

    /**
     * @param lead how far a reader may run ahead of one catching up behind it
     * @param reach how many events the engine remembers: readers further apart share nothing
     */
    CatchingUpReaders(Collection<StoredEventStream> readers, LongSupplier head, long lead, long reach, Duration patience) {
        this.readers = readers;
        this.head = head;
        this.lead = lead;
        this.reach = reach;
        this.patienceNanos = patience.toNanos();
    }

    /** Returns once {@code reader} may read its next batch. */
    void awaitTurn(StoredEventStream reader) throws InterruptedException {
        if (readers.size() < 2) {
            return;
        }
        long current = head.getAsLong();
        while (mustWait(reader, current)) {
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

    private boolean mustWait(StoredEventStream reader, long head) {
        if (reader.closed() || head - reader.position() <= LIVE) {
            return false;
        }
        long now = System.nanoTime();
        for (StoredEventStream other : readers) {
            long behind = reader.position() - other.position();
            if (other != reader && !other.closed() && behind > lead && behind < reach
                    && head - other.position() > LIVE && now - other.lastReadNanos() < patienceNanos) {
                return true;
            }
        }
        return false;
    }
}
