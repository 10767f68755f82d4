package io.retro.eventstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * Fills a store with a history of events quickly: documents of the engine's own layout, written by
 * the driver in large batches, and the counter moved past them. Aggregates get
 * {@link #EVENTS_PER_AGGREGATE} events each, interleaved as concurrent users would write them.
 */
final class History {

    static final int EVENTS_PER_AGGREGATE = 20;
    private static final int INTERLEAVED_AGGREGATES = 50;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final List<String> aggregates = new ArrayList<>();
    private long stored;

    History(MongoDatabase database) {
        this.events = database.getCollection(SequencedMongoEventStorageEngine.EVENTS);
        this.counters = database.getCollection(SequencedMongoEventStorageEngine.COUNTERS);
    }

    /** Appends events until the store holds {@code total}. */
    History growTo(long total) {
        List<Document> batch = new ArrayList<>(1000);
        while (stored < total) {
            int block = (int) Math.min((long) INTERLEAVED_AGGREGATES * EVENTS_PER_AGGREGATE, total - stored);
            List<String> blockAggregates = new ArrayList<>();
            for (int i = 0; i < INTERLEAVED_AGGREGATES; i++) {
                blockAggregates.add(UUID.randomUUID().toString());
            }
            aggregates.addAll(blockAggregates);
            for (int i = 0; i < block; i++) {
                String aggregate = blockAggregates.get(i % INTERLEAVED_AGGREGATES);
                long sequence = i / INTERLEAVED_AGGREGATES;
                batch.add(document(++stored, aggregate, sequence));
                if (batch.size() == 1000) {
                    events.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
        }
        counters.replaceOne(eq("_id", SequencedMongoEventStorageEngine.COUNTER_ID),
                new Document("_id", SequencedMongoEventStorageEngine.COUNTER_ID).append("value", stored),
                new ReplaceOptions().upsert(true));
        return this;
    }

    Document document(long globalSequence, String aggregate, long sequence) {
        return EventDocuments.toDocument(globalSequence, event(aggregate, sequence), serializer);
    }

    static GenericDomainEventMessage<Object> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Board", aggregate, sequence,
                new Document("boardId", aggregate).append("note", "a card of ordinary length for a retrospective board"),
                MetaData.with("requester", "user-1"));
    }

    /** An aggregate with a complete stream, picked from across the whole history. */
    String aggregate(int pick) {
        return aggregates.get(Math.floorMod(pick * 7919, aggregates.size() - INTERLEAVED_AGGREGATES));
    }

    long size() {
        return stored;
    }
}
