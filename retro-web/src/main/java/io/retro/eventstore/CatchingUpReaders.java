package io.retro.eventstore;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps the readers that are catching up with the history together, so that they share the events
 * the engine read last ({@link RecentEvents}) instead of each reading the store. Rebuilding every
 * read model starts seven processors at the first event; left alone, the ones with little to write
 * run ahead, beyond what the engine remembers, and the store serves the history once per group.
 *
 * <p>A reader more than {@link #LIVE} events behind the head is held back while another such reader is
 * more than {@code lead} events behind it, however far: what the one ahead read meanwhile would be gone
 * from the engine's memory before the one behind got there, so that both would read from the store.
 * Readers at the head are never held back nor waited for, and a reader that has not read for
 * {@code patience} (a stopped or failing processor) is not waited for either. A reader held back
 * reads nothing for the moment, and is woken when another reads.
 *
 * <p>After each read it tells the engine how far the slowest reader still reading has got: the
 * engine need not keep the events before that for the others.
 */
final class CatchingUpReaders {

    /** Within this many events of the head a reader is live: it never waits. */
    static final long LIVE = 1_000;

    private final Collection<StoredEventStream> readers;
    private final LongSupplier headSeen;
    private final LongSupplier head;
    private final long lead;
    private final long patienceNanos;
    private final LongConsumer readByAllUpTo;

    /**
     * @param headSeen the head as last seen, without a lookup: at most the true one
     * @param head the head, looked up
     * @param lead how far a reader may run ahead of one catching up behind it; well within what the
     *     engine remembers, so that the one behind still finds what the one ahead read
     * @param readByAllUpTo told the number every reader still reading has read up to
     */
    CatchingUpReaders(Collection<StoredEventStream> readers, LongSupplier headSeen, LongSupplier head, long lead,
            Duration patience, LongConsumer readByAllUpTo) {
        this.readers = readers;
        this.headSeen = headSeen;
        this.head = head;
        this.lead = lead;
        this.patienceNanos = patience.toNanos();
        this.readByAllUpTo = readByAllUpTo;
    }

    /**
     * Whether {@code reader} may read its next batch now. It never blocks: a processor's coordinator
     * asks without waiting, and must stay free to notice that its processor is stopping. The head
     * is looked up only when another reader is behind, so readers that all read at the head cost
     * nothing more; and not for a reader further behind the head last seen than a live one is: a
     * reader held back asks every few milliseconds.
     */
    boolean mayRead(StoredEventStream reader) {
        return reader.closed() || !anotherCatchingUpBehind(reader) || live(reader, headSeen) && live(reader, head);
    }

    private static boolean live(StoredEventStream reader, LongSupplier head) {
        return head.getAsLong() - reader.position() <= LIVE;
    }

    /** Called after a reader read: the ones held back for it look again, and the engine learns what all have read. */
    void read() {
        long now = System.nanoTime();
        long slowest = Long.MAX_VALUE;
        for (StoredEventStream reader : readers) {
            reader.wakeIfHeldBack();
            if (reading(reader, now)) {
                slowest = Math.min(slowest, reader.position());
            }
        }
        if (slowest != Long.MAX_VALUE) {
            readByAllUpTo.accept(slowest);
        }
    }

    /** Open and read lately: not a stopped or failing processor's. */
    private boolean reading(StoredEventStream reader, long now) {
        return !reader.closed() && now - reader.lastReadNanos() < patienceNanos;
    }

    /**
     * Whether another reader, still reading, is behind this one by more than the lead. Behind a
     * reader that is catching up, it is catching up too.
     */
    private boolean anotherCatchingUpBehind(StoredEventStream reader) {
        long now = System.nanoTime();
        for (StoredEventStream other : readers) {
            long behind = reader.position() - other.position();
            if (other != reader && behind > lead && reading(other, now)) {
                return true;
            }
        }
        return false;
    }
}
