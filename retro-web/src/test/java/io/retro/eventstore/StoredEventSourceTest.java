package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoredEventSourceTest {

    private final MongoStoreUnderTest store = MongoStoreUnderTest.embeddedInMemory();
    private final SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
            .database(store.database())
            .eventSerializer(JacksonSerializer.defaultSerializer())
            .snapshotSerializer(JacksonSerializer.defaultSerializer())
            .build();
    // A poll interval far longer than any test: what a test sees was announced, not polled.
    private final StoredEventSource source = new StoredEventSource(engine, 2, Duration.ofHours(1), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        source.close();
        store.close();
    }

    @Test
    void storingEventsWakesTheStreamsConsumerAtOnce() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            AtomicInteger wakeUps = new AtomicInteger();
            assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            engine.appendEvents(event("a", 0));

            assertThat(wakeUps).hasValue(1);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("a-0");
        }
    }

    @Test
    void aWaitingReaderReturnsAsSoonAsEventsAreStored() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            Thread writer = new Thread(() -> {
                sleep(200);
                engine.appendEvents(event("a", 0));
            });
            writer.start();
            // Only the announcement can end the wait: the next poll is an hour away.
            assertThat(stream.hasNextAvailable(60, TimeUnit.SECONDS)).isTrue();
            writer.join();
        }
    }

    @Test
    void readsEveryEventAfterItsTokenInOrderAcrossBatches() throws Exception {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        engine.appendEvents(event("b", 0), event("b", 1));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            StringBuilder payloads = new StringBuilder();
            while (stream.hasNextAvailable()) {
                payloads.append(stream.nextAvailable().getPayload()).append(' ');
            }
            assertThat(payloads.toString()).isEqualTo("a-0 a-1 a-2 b-0 b-1 ");
        }
    }

    @Test
    void eventsOfATypeTheConsumerSkipsAreLeftOutButForTheLastOfEachBatch() throws Exception {
        engine.appendEvents(event("a", 0), number("a", 1), event("a", 2), event("a", 3), number("a", 4), event("a", 5));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            TrackedEventMessage<?> first = stream.nextAvailable();
            stream.skipMessagesWithPayloadTypeOf(first);

            StringBuilder payloads = new StringBuilder();
            TrackedEventMessage<?> last = null;
            while (stream.hasNextAvailable()) {
                last = stream.nextAvailable();
                payloads.append(last.getPayload()).append(' ');
            }
            // Read two at a time: 1 was read with a-0, before the skip; a-3 and a-5 end their batches.
            assertThat(payloads.toString()).isEqualTo("1 a-3 4 a-5 ");
            assertThat(last.trackingToken().position()).hasValue(6L);
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() {
        AtomicInteger wakeUps = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken());
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        stream.close();

        engine.appendEvents(event("a", 0));

        assertThat(wakeUps).hasValue(0);
    }

    private static GenericDomainEventMessage<Integer> number(String aggregate, int sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, sequence);
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "-" + sequence);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
