package io.retro.eventstore;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void returnsAfterACommitThatBeganAfterTheAppendAskedAndCoversManyAppendsWithOne() throws Exception {
        AtomicInteger begun = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        GroupCommit durability = new GroupCommit(() -> {
            int commit = begun.incrementAndGet();
            pause(5);
            done.set(commit);
        });
        int appends = 200;
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < appends; i++) {
                answers.add(writers.submit(() -> {
                    int begunBefore = begun.get();
                    durability.awaitDurable();
                    return done.get() > begunBefore;
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(30, SECONDS)).as("a commit that began after the append asked was done").isTrue();
            }
            assertThat(begun.get()).as("commits for %d appends", appends).isLessThan(appends / 2);
        } finally {
            writers.shutdownNow();
            durability.close();
        }
    }

    /**
     * H2 stops waiting for its writer thread when the committing thread is interrupted, and
     * returns as if done: here, the commit does the same. Run on an interrupted caller's thread,
     * it would have returned at once.
     */
    @Test
    void anInterruptedCallerWaitsForTheWholeCommitAndKeepsItsInterrupt() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        GroupCommit durability = new GroupCommit(() -> {
            writing.countDown();
            try {
                written.await();
            } catch (InterruptedException e) {
                // as H2 does: gives up waiting, and the commit counts as done
            }
        });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> answer = caller.submit(() -> {
                durability.awaitDurable();
                return written.getCount() == 0 && Thread.currentThread().isInterrupted();
            });
            assertThat(writing.await(10, SECONDS)).isTrue();
            caller.shutdownNow();

            assertThatThrownBy(() -> answer.get(300, MILLISECONDS)).as("returned before the commit was written")
                    .isInstanceOf(TimeoutException.class);
            written.countDown();
            assertThat(answer.get(10, SECONDS)).as("returned once written, still interrupted").isTrue();
        } finally {
            written.countDown();
            caller.shutdownNow();
            durability.close();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
