package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the engine adds to Axon's suite: gaps, head tokens, stream keys and failed appends. */
class SequencedMongoEventStorageEngineTest {

    private final MongoStoreUnderTest store = MongoStoreUnderTest.embeddedInMemory();
    private final MovableClock clock = new MovableClock();

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void headTokenStillDeliversAnAppendThatWasInFlight() throws Exception {
        SequencedMongoEventStorageEngine engine = engine();
        engine.appendEvents(event("a", 0));
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.afterReserve((first, last) -> {
            if (first == 2) {
                reserved.countDown();
                await(release);
            }
        });
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> engine.appendEvents(event("slow", 0)));
        assertThat(reserved.await(5, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(event("fast", 0));

        GapAwareTrackingToken head = (GapAwareTrackingToken) engine.createHeadToken();
        release.countDown();
        slow.get(5, TimeUnit.SECONDS);

        assertThat(head.getIndex()).isEqualTo(3);
        assertThat(head.getGaps()).containsExactly(2L);
        assertThat(engine.readEvents(head, false).map(e -> (Object) e.getPayload()).toList()).containsExactly("slow-0");
    }

    @Test
    void lateEventIsDeliveredAndItsNumberLeavesTheToken() {
        SequencedMongoEventStorageEngine engine = engine();
        engine.afterReserve((first, last) -> {
            if (first == 1) {
                engine.afterReserve((f, l) -> {});
                engine.appendEvents(event("overtaking", 0));
            }
        });
        engine.appendEvents(event("late", 0));
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();

        assertThat(all).extracting(e -> (Object) e.getPayload()).containsExactly("late-0", "overtaking-0");
        GapAwareTrackingToken last = (GapAwareTrackingToken) all.get(1).trackingToken();
        assertThat(last.getIndex()).isEqualTo(2);
        assertThat(last.getGaps()).isEmpty();
    }

    @Test
    void numberThatIsNeverStoredTimesOutAsAGap() {
        SequencedMongoEventStorageEngine engine = engine();
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("b", 0));
        store.database().getCollection(SequencedMongoEventStorageEngine.EVENTS).deleteOne(new Document("_id", 1L));
        engine.appendEvents(event("c", 0));

        GapAwareTrackingToken first = lastToken(engine.readEvents(null, false).toList());
        assertThat(first.getGaps()).containsExactly(1L);

        clock.move(Duration.ofSeconds(61));
        engine.appendEvents(event("d", 0));
        GapAwareTrackingToken later = lastToken(engine.readEvents(first, false).toList());
        assertThat(later.getIndex()).isEqualTo(4);
        assertThat(later.getGaps()).isEmpty();
    }

    @Test
    void rejectedAppendLeavesNoneOfItsEventsAndKeepsTheOthers() {
        SequencedMongoEventStorageEngine engine = engine();
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));

        assertThatThrownBy(() -> engine.appendEvents(event("b", 0), event("a", 2)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("b").asStream().count()).isZero();
        assertThat(engine.readEvents("a").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly("a-0", "a-1", "a-2");
    }

    @Test
    void findsTheLastSequenceNumberOfAnAggregate() {
        SequencedMongoEventStorageEngine engine = engine();
        for (int i = 0; i < 37; i++) {
            engine.appendEvents(event("long", i));
        }
        engine.appendEvents(event("short", 0));

        assertThat(engine.lastSequenceNumberFor("long")).contains(36L);
        assertThat(engine.lastSequenceNumberFor("short")).contains(0L);
        assertThat(engine.lastSequenceNumberFor("none")).isEmpty();
    }

    @Test
    void eventsStoredBeforeStreamKeysCanStillBeLoaded() {
        var events = store.database().getCollection(SequencedMongoEventStorageEngine.EVENTS);
        Document old = EventDocuments.toDocument(1L, event("old", 0), JacksonSerializer.defaultSerializer());
        old.remove(EventDocuments.STREAM_KEY);
        events.insertOne(old);
        store.database().getCollection(SequencedMongoEventStorageEngine.COUNTERS)
                .insertOne(new Document("_id", SequencedMongoEventStorageEngine.COUNTER_ID).append("value", 1L));

        SequencedMongoEventStorageEngine engine = engine();
        engine.appendEvents(event("old", 1));

        assertThat(engine.readEvents("old").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly("old-0", "old-1");
    }

    /**
     * Shows where the second reader's events come from by taking them out of the store after the
     * first read: an engine that remembers recent events still delivers them, one that keeps none does not.
     */
    @Test
    void readersOfTheSameEventsShareOneLookup() {
        SequencedMongoEventStorageEngine remembering = engine();
        SequencedMongoEventStorageEngine forgetting = engine(0);
        for (int i = 0; i < 5; i++) {
            remembering.appendEvents(event("a", i));
        }
        assertThat(remembering.readEvents(null, false).count()).isEqualTo(5);
        assertThat(forgetting.readEvents(null, false).count()).isEqualTo(5);

        store.database().getCollection(SequencedMongoEventStorageEngine.EVENTS).deleteMany(new Document());

        assertThat(remembering.readEvents(null, false).map(e -> (Object) e.getPayload()).toList())
                .containsExactly("a-0", "a-1", "a-2", "a-3", "a-4");
        assertThat(forgetting.readEvents(null, false).count()).isZero();
    }

    @Test
    void rememberedEventsAreBoundedToTheLastRead() {
        SequencedMongoEventStorageEngine engine = engine(3);
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(event("a", i));
        }
        assertThat(engine.readEvents(null, false).count()).isEqualTo(5);

        store.database().getCollection(SequencedMongoEventStorageEngine.EVENTS).deleteMany(new Document());

        assertThat(engine.readEvents(null, false).map(e -> (Object) e.getPayload()).toList())
                .containsExactly("a-2", "a-3", "a-4");
    }

    /**
     * Rebuilding every read model has seven readers read each event: the engine converts and
     * deserializes it once for all of them, while each reader still gets its own tokens.
     */
    @Test
    void readersShareEachEventConvertedOnceEachAtItsOwnPlace() {
        SequencedMongoEventStorageEngine engine = engine();
        for (int i = 0; i < 3; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Test", "a", i, new Noted("note " + i)));
        }
        List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, false).toList();
        // A reader that missed event 1 when it passed it, and now finds it.
        List<? extends TrackedEventMessage<?>> second = engine.readEvents(GapAwareTrackingToken.newInstance(2, List.of(1L)), false).toList();

        assertThat(first).extracting(e -> (Object) e.getPayload())
                .containsExactly(new Noted("note 0"), new Noted("note 1"), new Noted("note 2"));
        assertThat(second.get(0).getPayload()).isSameAs(first.get(0).getPayload());
        assertThat(second.get(1).getPayload()).isSameAs(first.get(2).getPayload());
        assertThat(second.get(0).getTimestamp()).isEqualTo(first.get(0).getTimestamp());
        assertThat(second.get(0)).isInstanceOf(DomainEventMessage.class);
        assertThat(((GapAwareTrackingToken) first.get(0).trackingToken()).getIndex()).isEqualTo(1);
        assertThat(second).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).containsExactly(2L, 3L);
        assertThat(second).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getGaps()).allMatch(java.util.Set::isEmpty);
    }

    @Test
    void eventsPublishedOutsideAggregatesComeBackAsSuch() {
        SequencedMongoEventStorageEngine engine = engine();
        Instant at = Instant.parse("2026-03-02T10:15:30.123456789Z");
        engine.appendEvents(new GenericEventMessage<>(new GenericMessage<>(new Noted("to everyone")), () -> at));

        TrackedEventMessage<?> read = engine.readEvents(null, false).findFirst().orElseThrow();

        assertThat(read).isNotInstanceOf(DomainEventMessage.class);
        assertThat(read.getPayload()).isEqualTo(new Noted("to everyone"));
        assertThat(read.getTimestamp()).isEqualTo(at);
    }

    /** Every event an upcaster makes of a stored one comes to each reader at that stored event's place. */
    @Test
    void readersGetWhatTheUpcastersMakeOfEachEvent() {
        SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                .database(store.database())
                .clock(clock)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .upcasterChain(stored -> stored.flatMap(event -> Stream.of(event, event)))
                .build();
        engine.appendEvents(event("a", 0), event("a", 1));

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
        List<? extends TrackedEventMessage<?>> again = engine.readEvents(read.get(0).trackingToken(), false).toList();

        assertThat(read).extracting(e -> (Object) e.getPayload()).containsExactly("a-0", "a-0", "a-1", "a-1");
        assertThat(read).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).containsExactly(1L, 1L, 2L, 2L);
        assertThat(again).extracting(e -> (Object) e.getPayload()).containsExactly("a-1", "a-1");
    }

    record Noted(String text) {}

    private SequencedMongoEventStorageEngine engine() {
        return engine(10_000);
    }

    private SequencedMongoEventStorageEngine engine(int recentEvents) {
        return SequencedMongoEventStorageEngine.builder()
                .database(store.database())
                .clock(clock)
                .recentEvents(recentEvents)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "-" + sequence);
    }

    private static GapAwareTrackingToken lastToken(List<? extends TrackedEventMessage<?>> events) {
        return (GapAwareTrackingToken) events.get(events.size() - 1).trackingToken();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
