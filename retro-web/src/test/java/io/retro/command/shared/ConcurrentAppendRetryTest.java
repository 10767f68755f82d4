package io.retro.command.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentAppendRetryTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentAppendRetry retry = new ConcurrentAppendRetry(executor, 2, Duration.ofMillis(1));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void sendsAgainAfterACollisionWithAnotherAppend() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(1);

        boolean scheduled = retry.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new ConcurrencyException("sequence 7 is taken"), failures(1), sent::countDown);

        assertThat(scheduled).isTrue();
        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpAfterItsRetries() {
        boolean scheduled = retry.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new ConcurrencyException("sequence 7 is taken"), failures(3), () -> {});

        assertThat(scheduled).isFalse();
    }

    @Test
    void neverRetriesABrokenRuleOrADuplicateAggregate() {
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new ConflictException("Voting is closed."), failures(1), () -> {})).isFalse();
        assertThat(retry.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new AggregateStreamCreationException("retro exists"), failures(1), () -> {})).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
