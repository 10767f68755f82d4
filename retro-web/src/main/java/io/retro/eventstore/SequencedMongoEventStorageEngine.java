package io.retro.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Axon's event storage on MongoDB with a dense global sequence.
 *
 * <p>Each append reserves one block of numbers from a counter document and stores every event under
 * its number as {@code _id}. Tracking uses Axon's {@link GapAwareTrackingToken}, as its JDBC engine
 * does: a number reserved by an append that has not become visible yet is a gap, asked for again on
 * every fetch until it fills or times out. So an event that shows up late is still delivered, and
 * the token stays small.
 *
 * <p>Every hot read goes by {@code _id} or by the exact key of a unique index, since the embedded
 * server ignores other indexes and would scan the whole collection: "the next batch" is a lookup of
 * the next numbers, and an aggregate's events a lookup of its next {@link EventDocuments#STREAM_KEY
 * stream keys}. Only {@link #createTokenAt(Instant)} and stepping over a whole batch of numbers that
 * were reserved and never stored scan.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {

    static final String EVENTS = "events";
    static final String SNAPSHOTS = "snapshots";
    private static final int PENDING_LOOKUP_LIMIT = 512;
    static final String COUNTERS = "sequences";
    static final String COUNTER_ID = "events";
    /** Marks a store whose events all carry a stream key; older ones get it on start. */
    private static final String LAYOUT_ID = "layout";
    private static final int LAYOUT_VERSION = 2;
    /** How many numbers below the reserved head one lookup for the stored head covers. */
    private static final int HEAD_WINDOW = 256;
    private static final int MAX_APPEND_ATTEMPTS = 3;
    private static final int FIRST_AGGREGATE_WINDOW = 16;
    private static final long FIRST_SEQUENCE = 1;
    private static final Comparator<StoredEvent> BY_NUMBER = Comparator.comparingLong(StoredEvent::number);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final AppendDurability durability;
    private final int maxGapOffset;
    private final Duration gapTimeout;
    private final Clock clock;
    private final RecentEvents recentEvents;
    /** The highest {@link #reservedHead()} this engine has seen; racing updates may keep a lower one, which is still true. */
    private volatile long headSeen = FIRST_SEQUENCE - 1;
    private final Map<Long, Instant> gapsFirstMissed = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > 100_000;
        }
    };
    /** A test seam: runs between reserving numbers and inserting the events under them. */
    private volatile ReservedBlockListener afterReserve = (first, last) -> {};
    private final List<Runnable> storedListeners = new CopyOnWriteArrayList<>();

    private SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.counters = builder.database.getCollection(COUNTERS);
        this.durability = builder.durability;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
        this.recentEvents = new RecentEvents(builder.recentEvents);
        addStreamKeysToOlderEvents();
        createMissingIndexes();
    }

    /**
     * The embedded server rebuilds an index on every {@code createIndex}, even an existing one,
     * which over a large history slows every start; so only missing indexes are created.
     */
    private void createMissingIndexes() {
        Set<String> existing = new HashSet<>();
        for (Document index : events.listIndexes()) {
            existing.add(index.getString("name"));
        }
        if (!existing.contains("stream_key")) {
            events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), new IndexOptions().unique(true).name("stream_key"));
        }
        if (!existing.contains("aggregate_sequence")) {
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true).name("aggregate_sequence"));
        }
        if (!existing.contains("event_id")) {
            events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true).name("event_id"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores written before aggregate loads went by stream key lack it. Giving it to them scans once;
     * the layout marker keeps later starts from scanning again.
     */
    private void addStreamKeysToOlderEvents() {
        if (counters.find(eq("_id", LAYOUT_ID)).first() != null) {
            return;
        }
        for (Document event : events.find(Filters.exists(EventDocuments.STREAM_KEY, false))
                .projection(new Document("aggregateIdentifier", 1).append("sequenceNumber", 1))) {
            events.updateOne(eq("_id", event.get("_id")), Updates.set(EventDocuments.STREAM_KEY,
                    EventDocuments.streamKey(event.getString("aggregateIdentifier"),
                            event.get("sequenceNumber", Number.class).longValue())));
        }
        counters.replaceOne(eq("_id", LAYOUT_ID), new Document("_id", LAYOUT_ID).append("version", LAYOUT_VERSION),
                new ReplaceOptions().upsert(true));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            long last = reserve(messages.size());
            long first = last - messages.size() + 1;
            afterReserve.reserved(first, last);
            List<Document> documents = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                documents.add(EventDocuments.toDocument(first + i, messages.get(i), serializer));
            }
            try {
                events.insertMany(documents);
                break;
            } catch (MongoException e) {
                // Without transactions an ordered insert can stop half-way; take back what this
                // append stored, so a rejected command leaves no event behind. Its numbers become gaps.
                takeBack(documents, first, last);
                if (isDuplicateGlobalSequence(e) && attempt < MAX_APPEND_ATTEMPTS) {
                    continue;
                }
                handlePersistenceException(e, messages.get(failedIndex(e)));
            }
        }
        durability.awaitDurable();
        storedListeners.forEach(Runnable::run);
    }

    /**
     * Runs the listener each time this node has stored events, once they can be read. Events that
     * other nodes store are not announced here.
     */
    public Registration whenStored(Runnable listener) {
        storedListeners.add(listener);
        return () -> storedListeners.remove(listener);
    }

    /**
     * Deletes the events of a failed append, and only those: found by their own identifiers (a
     * unique key, so a lookup) and kept only where they sit under this append's numbers, since a
     * clash on the identifier means another append's event carries it.
     */
    private void takeBack(List<Document> documents, long first, long last) {
        List<String> identifiers = documents.stream().map(d -> d.getString("eventIdentifier")).toList();
        List<Long> ours = events.find(in("eventIdentifier", identifiers)).projection(new Document("_id", 1))
                .map(d -> d.get("_id", Number.class).longValue())
                .into(new ArrayList<>())
                .stream().filter(sequence -> sequence >= first && sequence <= last).toList();
        if (!ours.isEmpty()) {
            events.deleteMany(in("_id", ours));
        }
    }

    /**
     * Hands out {@code count} numbers and returns the last. The counter's value before the
     * increment is asked for, not after: mongo-java-server 1.47 answered a concurrent
     * {@code findOneAndUpdate} that returns the document after the update with another call's
     * value now and then (two appends got the same numbers in a stress test), since it changed the
     * stored counter in place while the answer before was still being encoded. The embedded
     * store's backend no longer lets it, and the value before costs no more.
     */
    private long reserve(int count) {
        Document before = counters.findOneAndUpdate(
                eq("_id", COUNTER_ID),
                Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long previous = before == null ? FIRST_SEQUENCE - 1 : before.get("value", Number.class).longValue();
        return previous + count;
    }

    /** A clash on {@code _id} means two appends got the same numbers: reserve again, it is no conflict. */
    private static boolean isDuplicateGlobalSequence(MongoException e) {
        String message = e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                ? bulk.getWriteErrors().get(0).getMessage()
                : e.getMessage();
        return isDuplicateKey(e) && message != null && message.contains("index: _id_ ");
    }

    private static int failedIndex(MongoException e) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return bulk.getWriteErrors().get(0).getIndex();
        }
        return 0;
    }

    /**
     * Keeps one snapshot per aggregate, the one of the highest sequence number: a snapshotter that
     * finishes late must not replace a newer snapshot with an older one.
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = EventDocuments.toDocument(null, snapshot, serializer);
        document.remove(EventDocuments.STREAM_KEY);
        document.put("_id", snapshot.getAggregateIdentifier());
        try {
            snapshots.replaceOne(
                    and(eq("_id", snapshot.getAggregateIdentifier()), lt("sequenceNumber", snapshot.getSequenceNumber())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert collides with the stored snapshot exactly when that one is at least as new.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocuments.toEntry(snapshot));
    }

    /**
     * Looks up the next sequence numbers by stream key, in windows that double from
     * {@link #FIRST_AGGREGATE_WINDOW}: each key costs the embedded server a lookup, found or not,
     * and most aggregates hold far fewer events than a batch. Sequence numbers are dense, so a
     * window that comes back short ends the stream.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<Document> found = new ArrayList<>();
        long next = firstSequenceNumber;
        long end = firstSequenceNumber + batchSize;
        int window = Math.min(FIRST_AGGREGATE_WINDOW, batchSize);
        while (next < end) {
            long upTo = Math.min(end, next + window);
            List<String> wanted = LongStream.range(next, upTo)
                    .mapToObj(sequence -> EventDocuments.streamKey(aggregateIdentifier, sequence))
                    .toList();
            List<Document> inWindow = events.find(in(EventDocuments.STREAM_KEY, wanted)).into(new ArrayList<>());
            found.addAll(inWindow);
            if (inWindow.size() < wanted.size()) {
                break;
            }
            next = upTo;
            window *= 2;
        }
        found.sort(Comparator.comparingLong(d -> d.get("sequenceNumber", Number.class).longValue()));
        return found.stream().map(EventDocuments::toEntry).toList();
    }

    /**
     * Hands each reader the events it reads as {@link StoredEvent}s shared with the engine's other
     * readers, converted once for all of them; Axon's own conversion would do it for each reader.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Serializer serializer = getEventSerializer();
        return readEventData(trackingToken, mayBlock).flatMap(read -> ((StoredEvent.Tracked) read).messages(serializer, upcasterChain));
    }

    /**
     * The next batch of events after {@code token} as one reader reads them, those of a payload type
     * in {@code skipped} left out but for the last, which still moves the reader on; empty if none
     * is stored yet. What {@link #readEvents} hands on, without a stream and a message for each event
     * left out: most of what a read model that takes few events did in a rebuild.
     */
    List<TrackedEventMessage<?>> readBatch(TrackingToken token, int batchSize, Set<Class<?>> skipped) {
        Serializer serializer = getEventSerializer();
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        StoredEvent.Tracked lastEvent = null;
        TrackedEventMessage<?> last = null;
        boolean lastLeftOut = false;
        for (StoredEvent.Tracked event : fetchTrackedEvents(token, batchSize)) {
            for (TrackedEventMessage<?> message : event.converted(serializer, upcasterChain)) {
                lastEvent = event;
                last = message;
                lastLeftOut = skipped.contains(message.getPayloadType());
                if (!lastLeftOut) {
                    messages.add(event.placed(message));
                }
            }
        }
        if (lastLeftOut) {
            messages.add(lastEvent.placed(last));
        }
        return messages;
    }

    @Override
    protected List<StoredEvent.Tracked> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken previous = asGapAware(lastToken);
        long after = previous == null ? FIRST_SEQUENCE - 1 : previous.getIndex();
        // Each number asked for costs the embedded server a lookup, found or not: a caught-up reader
        // asks only for numbers handed out so far, not for a whole batch beyond the head. The head
        // only grows, so a reader a batch or more behind the last one seen need not look it up.
        long head = headSeen >= after + batchSize ? headSeen : reservedHead();
        List<Long> wanted = new ArrayList<>(batchSize + (previous == null ? 0 : previous.getGaps().size()));
        if (previous != null) {
            wanted.addAll(previous.getGaps());
        }
        LongStream.rangeClosed(after + 1, Math.min(after + batchSize, head)).forEach(wanted::add);
        List<StoredEvent> found = lookUp(wanted);
        if (found.isEmpty() && head > after + batchSize) {
            // A whole batch of numbers was reserved and never stored (failed appends): step over
            // them with a range query, which the embedded server answers by scanning.
            found = events.find(gt("_id", after)).sort(Sorts.ascending("_id")).limit(batchSize)
                    .map(StoredEvent::of).into(new ArrayList<>());
        }
        found.sort(BY_NUMBER);

        List<StoredEvent.Tracked> result = new ArrayList<>(found.size());
        GapAwareTrackingToken token = previous;
        for (StoredEvent event : found) {
            long sequence = event.number();
            token = token == null
                    ? GapAwareTrackingToken.newInstance(sequence, LongStream.range(FIRST_SEQUENCE, sequence).boxed().toList())
                    : advanced(token, sequence);
            token = withoutExpiredGaps(token);
            result.add(event.at(token));
        }
        return result;
    }

    /**
     * The token after this one's reader read {@code sequence}. Axon's {@code advanceTo} copies the
     * gaps into a new set each time, for every event each reader reads; the number right after a
     * token without gaps leaves none.
     */
    private GapAwareTrackingToken advanced(GapAwareTrackingToken token, long sequence) {
        return token.getGaps().isEmpty() && sequence == token.getIndex() + 1
                ? GapAwareTrackingToken.newInstance(sequence, List.of())
                : token.advanceTo(sequence, maxGapOffset);
    }

    /** The stored events among these numbers: those read lately from memory, the rest from the store. */
    private List<StoredEvent> lookUp(List<Long> numbers) {
        if (numbers.isEmpty()) {
            return new ArrayList<>();
        }
        return recentEvents.lookUp(numbers, missing -> {
            List<StoredEvent> read = events.find(in("_id", missing)).map(StoredEvent::of).into(new ArrayList<>());
            // Remembered in number order, so that the oldest are forgotten first.
            read.sort(BY_NUMBER);
            return read;
        });
    }

    /**
     * A number that stays missing for longer than the gap timeout belongs to an append that failed
     * or died; it is dropped from the token so that it is not asked for forever. The clock starts
     * when this node first finds the number missing.
     */
    private GapAwareTrackingToken withoutExpiredGaps(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.isEmpty()) {
            return token;
        }
        Instant now = clock.instant();
        long expiredUpTo = -1;
        synchronized (gapsFirstMissed) {
            for (Long gap : gaps) {
                Instant firstMissed = gapsFirstMissed.computeIfAbsent(gap, g -> now);
                if (Duration.between(firstMissed, now).compareTo(gapTimeout) < 0) {
                    break;
                }
                expiredUpTo = gap;
            }
        }
        return expiredUpTo < 0 ? token : token.withGapsTruncatedAt(expiredUpTo + 1);
    }

    private static GapAwareTrackingToken asGapAware(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalArgumentException("This event store tracks with GapAwareTrackingToken, not " + token.getClass().getName());
    }

    /** Every reader has read the events up to this number: the engine need not keep them for the others. */
    void readByAllUpTo(long number) {
        recentEvents.forgetUpTo(number);
    }

    /** How many of the events read last the engine keeps for its other readers. */
    public int recentEventsKept() {
        return recentEvents.capacity();
    }

    /** The highest number handed out that this engine has seen so far, without a lookup: at most {@link #reservedHead()}. */
    public long headSeen() {
        return headSeen;
    }

    /** The highest number handed out so far, stored or not. A lookup of one document. */
    public long reservedHead() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        long head = counter == null ? FIRST_SEQUENCE - 1 : counter.get("value", Number.class).longValue();
        headSeen = Math.max(headSeen, head);
        return head;
    }

    /** Which of these numbers hold a stored event. A lookup by {@code _id}. */
    public List<Long> storedAmong(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return List.of();
        }
        return events.find(in("_id", sequences)).projection(new Document("_id", 1))
                .map(d -> d.get("_id", Number.class).longValue())
                .into(new ArrayList<>());
    }

    /**
     * An aggregate's sequence numbers are dense from its first event, so the last one is found by
     * doubling and then halving a probe: a few key lookups instead of a scan. A stream that does not
     * start at 0 falls back to a query.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!hasEvent(aggregateIdentifier, 0)) {
            Document last = events.find(eq("aggregateIdentifier", aggregateIdentifier))
                    .sort(Sorts.descending("sequenceNumber")).limit(1).first();
            return Optional.ofNullable(last).map(d -> d.get("sequenceNumber", Number.class).longValue());
        }
        long present = 0;
        long probe = 1;
        while (hasEvent(aggregateIdentifier, probe)) {
            present = probe;
            probe = probe * 2;
        }
        long absent = probe;
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (hasEvent(aggregateIdentifier, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return Optional.of(present);
    }

    /**
     * Where the aggregate's last stored event sits in the global sequence: a read model built from
     * this aggregate's events alone is current for it once its processor has passed this number.
     */
    public Optional<Long> globalSequenceOfLastEvent(String aggregateIdentifier) {
        return lastSequenceNumberFor(aggregateIdentifier)
                .map(last -> events.find(eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregateIdentifier, last)))
                        .projection(new Document("_id", 1)).first())
                .map(document -> document.get("_id", Number.class).longValue());
    }

    /**
     * The aggregates of the stored events a token has not passed, up to {@code head}: its gaps and
     * the numbers after its index. Processors split their work by aggregate, so these say which
     * segments still have events to handle. Looked up by {@code _id}; empty when the token is more
     * than {@value #PENDING_LOOKUP_LIMIT} numbers behind, too many to look up.
     */
    public Optional<List<String>> aggregatesBetween(GapAwareTrackingToken token, long head) {
        List<Long> positions = new ArrayList<>(token.getGaps().headSet(head + 1));
        if (head - token.getIndex() + positions.size() > PENDING_LOOKUP_LIMIT) {
            return Optional.empty();
        }
        LongStream.rangeClosed(token.getIndex() + 1, head).forEach(positions::add);
        if (positions.isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(events.find(in("_id", positions)).projection(new Document("aggregateIdentifier", 1))
                .map(document -> document.getString("aggregateIdentifier"))
                .into(new ArrayList<>()));
    }

    /** An aggregate's first event, by one key lookup: what the aggregate was created with. */
    public Optional<DomainEventMessage<?>> firstEventOf(String aggregateIdentifier) {
        Document first = events.find(eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregateIdentifier, 0))).first();
        if (first == null) {
            return Optional.empty();
        }
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(EventDocuments.toEntry(first)), getEventSerializer(),
                        upcasterChain)
                .asStream().<DomainEventMessage<?>>map(message -> message).findFirst();
    }

    private boolean hasEvent(String aggregateIdentifier, long sequenceNumber) {
        return events.find(eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregateIdentifier, sequenceNumber)))
                .projection(new Document("_id", 1)).first() != null;
    }

    /** The start of the stream: a processor from here reads every event, whichever number comes first. */
    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * The highest stored number, with every reserved but not yet stored number below it in the window
     * as a gap: a processor that starts at the head still receives the appends that were in flight.
     */
    @Override
    public TrackingToken createHeadToken() {
        long upper = reservedHead();
        while (upper >= FIRST_SEQUENCE) {
            long lower = Math.max(FIRST_SEQUENCE, upper - HEAD_WINDOW + 1);
            List<Long> window = LongStream.rangeClosed(lower, upper).boxed().toList();
            List<Long> stored = storedAmong(window);
            if (!stored.isEmpty()) {
                long head = stored.stream().mapToLong(Long::longValue).max().orElseThrow();
                List<Long> inFlight = window.stream().filter(n -> n < head && !stored.contains(n)).toList();
                return GapAwareTrackingToken.newInstance(head, inFlight);
            }
            upper = lower - 1;
        }
        return null;
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Optional<Long> first = firstSequenceMatching(gte("timestamp", EventDocuments.formatTimestamp(dateTime)));
        return first.isPresent() ? tokenBefore(first.get()) : createHeadToken();
    }

    private Optional<Long> firstSequenceMatching(Bson filter) {
        Document first = events.find(filter).sort(Sorts.ascending("_id")).limit(1).first();
        return Optional.ofNullable(first).map(d -> d.get("_id", Number.class).longValue());
    }

    private static TrackingToken tokenBefore(long sequence) {
        return sequence <= FIRST_SEQUENCE ? null : GapAwareTrackingToken.newInstance(sequence - 1, List.of());
    }

    /** Turns a duplicate key on the aggregate sequence into Axon's concurrency exceptions. */
    static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Runs after each append has reserved its numbers and before it inserts; for tests only. */
    void afterReserve(ReservedBlockListener listener) {
        this.afterReserve = listener;
    }

    @FunctionalInterface
    interface ReservedBlockListener {
        void reserved(long first, long last);
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private AppendDurability durability = AppendDurability.NONE;
        private int maxGapOffset = 10_000;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private int recentEvents = 10_000;

        Builder() {
            persistenceExceptionResolver(SequencedMongoEventStorageEngine::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durability(AppendDurability durability) {
            this.durability = durability;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How many of the events read last the engine keeps for its other readers; 0 keeps none. */
        public Builder recentEvents(int recentEvents) {
            this.recentEvents = recentEvents;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new EventStoreException("A MongoDatabase is required");
            }
        }

        public SequencedMongoEventStorageEngine build() {
            return new SequencedMongoEventStorageEngine(this);
        }
    }
}
