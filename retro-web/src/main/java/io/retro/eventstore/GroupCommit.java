package io.retro.eventstore;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes appends durable with as few disk commits as possible: the commits run one at a time, and
 * each covers every append that asked before it began.
 *
 * <p>They run on a thread of their own, which nothing interrupts: the thread of a request may be
 * interrupted when the request is cancelled, and H2 writes through a file channel, which Java closes
 * when the thread using it is interrupted. A caller interrupted while it waits goes on waiting, and
 * keeps its interrupt.
 */
public final class GroupCommit implements AppendDurability, AutoCloseable {

    private final Runnable commit;
    private final ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-commit");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong requested = new AtomicLong();
    /** The last request the commits so far cover; read and written by the committer thread only. */
    private long committed;

    public GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    @Override
    public void awaitDurable() {
        long ticket = requested.incrementAndGet();
        awaitUninterruptibly(committer.submit(() -> commitUpTo(ticket)));
    }

    private void commitUpTo(long ticket) {
        if (committed >= ticket) {
            return;
        }
        // Every request up to here was made after its append was stored.
        long covered = requested.get();
        commit.run();
        committed = covered;
    }

    private static void awaitUninterruptibly(Future<?> durable) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    durable.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        committer.shutdown();
    }
}
