package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two readers catching up with 3,000 events on an engine that remembers the last 1,000 it read:
 * the one ahead may lead by 200 events.
 */
class CatchingUpReadersTest {

    private static final int REMEMBERED = 1_000;
    private static final int BATCH = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private final MongoStoreUnderTest store = MongoStoreUnderTest.embeddedInMemory();
    private final SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
            .database(store.database())
            .recentEvents(REMEMBERED)
            .eventSerializer(JacksonSerializer.defaultSerializer())
            .snapshotSerializer(JacksonSerializer.defaultSerializer())
            .build();
    private final StoredEventSource source = new StoredEventSource(engine, BATCH, Duration.ofHours(1), PATIENCE);

    @BeforeEach
    void storeHistory() {
        for (int i = 0; i < 3_000; i += 100) {
            int first = i;
            engine.appendEvents(IntStream.range(first, first + 100)
                    .mapToObj(n -> new GenericDomainEventMessage<>("Test", "a", n, "e" + n)).toList());
        }
    }

    @AfterEach
    void close() {
        source.close();
        store.close();
    }

    @Test
    void aReaderAheadWaitsForOneCatchingUpBehindItAndGoesOnWhenItMoves() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> behind = source.openStream(null)) {
            read(behind, BATCH);

            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> read(ahead, 1_000));
            Thread.sleep(500);
            assertThat(running).isNotDone();
            assertThat(position(ahead) - position(behind)).isBetween(200L, 200L + BATCH);

            read(behind, 1_000);

            assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(1_000);
        }
    }

    @Test
    void aReaderHeldBackAnswersAtOnceAndIsWokenWhenTheOneBehindReads() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> behind = source.openStream(null)) {
            read(behind, BATCH);
            AtomicInteger wakeUps = new AtomicInteger();
            ahead.setOnAvailableCallback(wakeUps::incrementAndGet);
            while (ahead.hasNextAvailable()) {
                ahead.nextAvailable();
            }
            assertThat(position(ahead) - position(behind)).isBetween(200L, 200L + BATCH);

            // A processor's coordinator asks without waiting, and must be free to see its processor stop.
            long start = System.nanoTime();
            assertThat(ahead.hasNextAvailable()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));

            read(behind, BATCH);

            assertThat(wakeUps).hasPositiveValue();
            assertThat(ahead.hasNextAvailable()).isTrue();
        }
    }

    @Test
    void aReaderFurtherAheadThanTheEngineRemembersWaitsToo() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null)) {
            // Alone, it never waits: here it gets further ahead than the engine remembers.
            read(ahead, 1_500);
            try (BlockingStream<TrackedEventMessage<?>> behind = source.openStream(null)) {
                read(behind, BATCH);

                CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> read(ahead, 1_000));
                Thread.sleep(500);
                assertThat(running).isNotDone();
                assertThat(position(ahead)).isEqualTo(1_500L);

                read(behind, 1_500);

                assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(1_000);
            }
        }
    }

    @Test
    void aReaderThatStoppedReadingIsNotWaitedForLong() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> stopped = source.openStream(null)) {
            read(stopped, BATCH);

            long start = System.nanoTime();
            assertThat(read(ahead, 1_000)).isEqualTo(1_000);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PATIENCE.plusSeconds(3));
        }
    }

    @Test
    void aReaderNearTheHeadNeverWaits() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> live = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> behind = source.openStream(null)) {
            // 1,100 events behind the head: catching up, and within what the engine remembers of the reader ahead.
            read(behind, 1_900);

            long start = System.nanoTime();
            assertThat(read(live, 3_000)).isEqualTo(3_000);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
        }
    }

    @Test
    void aReaderHeldBackFarBehindTheHeadLastSeenDoesNotLookTheHeadUp() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> behind = source.openStream(null)) {
            read(behind, BATCH);
            read(ahead, 200);
            AtomicInteger lookUps = new AtomicInteger();
            LongSupplier head = () -> {
                lookUps.incrementAndGet();
                return 3_000;
            };
            List<StoredEventStream> readers = List.of((StoredEventStream) ahead, (StoredEventStream) behind);

            Duration patient = Duration.ofHours(1);

            assertThat(new CatchingUpReaders(readers, () -> 3_000, head, 100, patient, number -> {}).mayRead((StoredEventStream) ahead)).isFalse();
            assertThat(lookUps).hasValue(0);

            // Last seen within a live reader's distance, the head is looked up: it may have moved on since.
            assertThat(new CatchingUpReaders(readers, () -> 1_000, head, 100, patient, number -> {}).mayRead((StoredEventStream) ahead)).isFalse();
            assertThat(lookUps).hasValue(1);
        }
    }

    @Test
    void theEngineIsToldHowFarTheSlowestReaderStillReadingHasRead() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> ahead = source.openStream(null);
                BlockingStream<TrackedEventMessage<?>> behind = source.openStream(null)) {
            read(behind, BATCH);
            read(ahead, 200);
            List<StoredEventStream> readers = List.of((StoredEventStream) ahead, (StoredEventStream) behind);
            List<Long> told = new java.util.ArrayList<>();

            new CatchingUpReaders(readers, () -> 3_000, () -> 3_000, 100, Duration.ofHours(1), told::add).read();
            assertThat(told).containsExactly(position(behind));

            // The one behind stops reading; once it is no longer waited for, it no longer holds the others' events either.
            Thread.sleep(600);
            read(ahead, BATCH);
            told.clear();
            new CatchingUpReaders(readers, () -> 3_000, () -> 3_000, 100, Duration.ofMillis(500), told::add).read();
            assertThat(told).containsExactly(position(ahead));
        }
    }

    /** Reads up to {@code count} events; returns how many it read. */
    private static int read(BlockingStream<TrackedEventMessage<?>> stream, int count) {
        try {
            int read = 0;
            while (read < count && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                stream.nextAvailable();
                read++;
            }
            return read;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long position(BlockingStream<TrackedEventMessage<?>> stream) {
        return ((StoredEventStream) stream).position();
    }
}
