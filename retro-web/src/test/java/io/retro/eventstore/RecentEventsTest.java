package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static final List<Long> WINDOW = List.of(1L, 2L, 3L);

    private final RecentEvents recent = new RecentEvents(100);
    private final AtomicInteger storeReads = new AtomicInteger();
    private final CountDownLatch firstReadStarted = new CountDownLatch(1);
    private final CountDownLatch storeAnswers = new CountDownLatch(1);

    /** A store that holds every number asked for, and answers once let to. */
    private final Function<List<Long>, List<StoredEvent>> store = numbers -> {
        storeReads.incrementAndGet();
        firstReadStarted.countDown();
        try {
            storeAnswers.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return numbers.stream().map(RecentEventsTest::event).toList();
    };

    @Test
    void readersAskingForTheSameNumbersAtOnceReadTheStoreOnce() throws Exception {
        CompletableFuture<List<StoredEvent>> first = CompletableFuture.supplyAsync(() -> recent.lookUp(WINDOW, store));
        assertThat(firstReadStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<StoredEvent>> second = CompletableFuture.supplyAsync(() -> recent.lookUp(WINDOW, store));
        Thread.sleep(200);
        storeAnswers.countDown();

        assertThat(numbers(first.get(5, TimeUnit.SECONDS))).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(numbers(second.get(5, TimeUnit.SECONDS))).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void onlyTheNumbersNotRememberedAreReadFromTheStore() {
        storeAnswers.countDown();
        recent.lookUp(List.of(1L, 2L), store);

        List<Long> asked = new java.util.ArrayList<>();
        List<StoredEvent> found = recent.lookUp(WINDOW, numbers -> {
            asked.addAll(numbers);
            return store.apply(numbers);
        });

        assertThat(asked).containsExactly(3L);
        assertThat(numbers(found)).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void numbersForgottenAreReadFromTheStoreAgainAndLaterOnesAreNot() {
        storeAnswers.countDown();
        recent.lookUp(List.of(1L, 2L, 3L, 4L), store);

        recent.forgetUpTo(2);
        List<Long> asked = new java.util.ArrayList<>();
        recent.lookUp(List.of(1L, 2L, 3L, 4L), numbers -> {
            asked.addAll(numbers);
            return store.apply(numbers);
        });

        assertThat(asked).containsExactly(1L, 2L);
    }

    private static List<Long> numbers(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::number).toList();
    }

    private static StoredEvent event(long number) {
        return new StoredEvent(number, new GenericDomainEventEntry<>("Team", "team-1", number, "event-" + number, "2026-01-05T10:00:00Z",
                "io.retro.api.team.TeamCreatedEvent", null, "{}", "{}"));
    }
}
