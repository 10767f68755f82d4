package io.retro.eventstore;

/**
 * Makes appends durable with as few disk commits as possible: a thread that asks for a commit while
 * another commit runs waits for it, and the next commit then covers every thread that asked in the
 * meantime.
 */
public final class GroupCommit implements AppendDurability {

    private final Runnable commit;
    private final Object commitLock = new Object();
    private long requested;
    private long committed;

    public GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    @Override
    public void awaitDurable() {
        long ticket;
        synchronized (this) {
            ticket = ++requested;
        }
        synchronized (commitLock) {
            if (committed >= ticket) {
                return;
            }
            long covered;
            synchronized (this) {
                covered = requested;
            }
            commit.run();
            committed = covered;
        }
    }
}
