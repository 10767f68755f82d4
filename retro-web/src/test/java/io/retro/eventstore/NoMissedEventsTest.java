package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Many writers append while a pooled streaming processor tracks the store, and some appends stall
 * for seconds between reserving their numbers and inserting: later numbers become visible first.
 * A timestamp-window token would skip the late ones; the gap-aware token must deliver every event
 * exactly once, in order per aggregate.
 */
class NoMissedEventsTest {

    private static final int WRITERS = 12;
    private static final int AGGREGATES_PER_WRITER = 10;
    private static final int APPENDS_PER_AGGREGATE = 12;
    private static final Duration HOLD_BACK = Duration.ofSeconds(3);

    @Test
    void deliversEveryEventExactlyOnceInAggregateOrderWhenInsertsArriveLate() throws Exception {
        try (MongoStoreUnderTest store = MongoStoreUnderTest.embeddedInMemory()) {
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                    .database(store.database())
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .build();
            ThreadLocal<Boolean> holdBack = ThreadLocal.withInitial(() -> false);
            Set<Long> overtaken = ConcurrentHashMap.newKeySet();
            engine.afterReserve((first, last) -> {
                if (holdBack.get()) {
                    sleep(HOLD_BACK);
                    if (engine.reservedHead() > last) {
                        LongStream.rangeClosed(first, last).forEach(overtaken::add);
                    }
                }
            });

            AtomicInteger appended = new AtomicInteger();
            Map<String, Integer> appendedPerAggregate = new ConcurrentHashMap<>();
            try (RecordingProcessor processor = new RecordingProcessor(engine, store.database(), 2).start()) {
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        long[] nextSequence = new long[AGGREGATES_PER_WRITER];
                        for (int round = 0; round < APPENDS_PER_AGGREGATE; round++) {
                            for (int a = 0; a < AGGREGATES_PER_WRITER; a++) {
                                String aggregate = "agg-" + writer + "-" + a;
                                // A few appends per writer stall, early enough for many later ones to overtake them.
                                holdBack.set(a == 0 && (round == 1 || round == 5));
                                int events = 1 + (round + a) % 3;
                                long firstSequence = nextSequence[a];
                                nextSequence[a] += events;
                                appendedPerAggregate.merge(aggregate, events, Integer::sum);
                                List<GenericDomainEventMessage<String>> batch = new ArrayList<>();
                                for (int e = 0; e < events; e++) {
                                    batch.add(new GenericDomainEventMessage<>("Stress", aggregate, firstSequence + e, "event"));
                                }
                                engine.appendEvents(batch);
                                appended.addAndGet(events);
                            }
                        }
                        holdBack.remove();
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
                writers.shutdown();

                assertThat(RecordingProcessor.await(() -> processor.handledCount() >= appended.get(), Duration.ofSeconds(30)))
                        .as("the processor handled all %d events in time (handled %d)", appended.get(), processor.handledCount())
                        .isTrue();
                Thread.sleep(300);

                assertThat(overtaken).as("held-back appends that later appends overtook").isNotEmpty();
                Set<String> stored = new HashSet<>();
                for (var document : store.database().getCollection(SequencedMongoEventStorageEngine.EVENTS).find()) {
                    stored.add(document.getString("eventIdentifier"));
                }
                assertThat(stored).hasSize(appended.get());
                assertThat(processor.timesHandled().keySet()).isEqualTo(stored);
                Map<String, Integer> handledMoreThanOnce = processor.timesHandled().entrySet().stream()
                        .filter(entry -> entry.getValue().get() != 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
                assertThat(handledMoreThanOnce).isEmpty();
                assertThat(processor.sequencesByAggregate()).hasSize(WRITERS * AGGREGATES_PER_WRITER);
                processor.sequencesByAggregate().forEach((aggregate, sequences) -> assertThat(sequences)
                        .as("sequence numbers of %s in handling order", aggregate)
                        .isSorted()
                        .doesNotHaveDuplicates()
                        .hasSize(appendedPerAggregate.get(aggregate)));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
