package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static final List<Long> WINDOW = List.of(1L, 2L, 3L);

    private final RecentEvents recent = new RecentEvents(100);
    private final AtomicInteger storeReads = new AtomicInteger();
    private final CountDownLatch firstReadStarted = new CountDownLatch(1);
    private final CountDownLatch storeAnswers = new CountDownLatch(1);

    /** A store that holds every number asked for, and answers once let to. */
    private final Function<List<Long>, List<Document>> store = numbers -> {
        storeReads.incrementAndGet();
        firstReadStarted.countDown();
        try {
            storeAnswers.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return numbers.stream().map(number -> new Document("_id", number)).toList();
    };

    @Test
    void readersAskingForTheSameNumbersAtOnceReadTheStoreOnce() throws Exception {
        CompletableFuture<List<Document>> first = CompletableFuture.supplyAsync(() -> recent.lookUp(WINDOW, store));
        assertThat(firstReadStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Document>> second = CompletableFuture.supplyAsync(() -> recent.lookUp(WINDOW, store));
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
        List<Document> found = recent.lookUp(WINDOW, numbers -> {
            asked.addAll(numbers);
            return store.apply(numbers);
        });

        assertThat(asked).containsExactly(3L);
        assertThat(numbers(found)).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    private static List<Long> numbers(List<Document> events) {
        return events.stream().map(event -> event.getLong("_id")).toList();
    }
}
