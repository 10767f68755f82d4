package io.retro.command.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when its events collided with another node's append to the same aggregate
 * (a {@link ConcurrencyException}). Nothing of the failed attempt was stored, and the retry loads
 * the aggregate afresh and decides again, so it is safe. Nothing else is retried: a broken rule
 * stays broken, and a failing store is better reported than hammered.
 */
public final class ConcurrentAppendRetry implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Duration interval;

    public ConcurrentAppendRetry(ScheduledExecutorService executor, int maxRetries, Duration interval) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.interval = interval;
    }

    @Override
    @SuppressWarnings("rawtypes") // as the interface declares it
    public boolean scheduleRetry(CommandMessage command, RuntimeException failure,
            List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!(failure instanceof ConcurrencyException) || failures.size() > maxRetries) {
            return false;
        }
        // Growing, jittered pauses, so that two nodes that collided do not collide again in step.
        long pause = interval.toMillis() * failures.size() + ThreadLocalRandom.current().nextLong(interval.toMillis() + 1);
        executor.schedule(dispatchTask, pause, TimeUnit.MILLISECONDS);
        return true;
    }
}
