package io.retro.bench;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.retro.support.ServiceApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * Grows the store's history to a size, fast: copies of a stored retro start and a stored item,
 * each retro with its own id and {@value #ITEMS_PER_RETRO} items, teams of {@value #RETROS_PER_TEAM}
 * retros, written with the raw driver in the engine's document shape. Numbers are reserved from
 * the engine's counter as an append would, so the running service reads them like any other events.
 */
final class HistoryGrowth {

    private static final int ITEMS_PER_RETRO = 49;
    private static final int RETROS_PER_TEAM = 20;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final Document retroStarted;
    private final Document itemAdded;

    HistoryGrowth(MongoDatabase database) {
        this.events = database.getCollection("events");
        this.counters = database.getCollection("sequences");
        this.retroStarted = events.find(eq("payloadType", "io.retro.api.retro.RetroStartedEvent")).first();
        this.itemAdded = events.find(eq("payloadType", "io.retro.api.retro.RetroItemAddedEvent")).first();
    }

    /** Appends teams of retros until the collection holds at least {@code total} events; returns how many it holds. */
    long growTo(long total) {
        long stored = events.countDocuments();
        while (stored < total) {
            // One team's retros a batch: about a thousand documents per insert.
            String teamId = UUID.randomUUID().toString();
            List<Document> batch = new ArrayList<>(RETROS_PER_TEAM * (ITEMS_PER_RETRO + 1));
            for (int r = 0; r < RETROS_PER_TEAM; r++) {
                String retroId = UUID.randomUUID().toString();
                batch.add(copy(retroStarted, retroId, 0, payload -> payload.put("retroId", retroId).put("teamId", teamId)));
                for (int i = 1; i <= ITEMS_PER_RETRO; i++) {
                    batch.add(copy(itemAdded, retroId, i,
                            payload -> payload.put("retroId", retroId).put("itemId", UUID.randomUUID().toString())));
                }
            }
            long last = counters.findOneAndUpdate(eq("_id", "events"), Updates.inc("value", (long) batch.size()),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).get("value", Number.class).longValue();
            long next = last - batch.size() + 1;
            for (Document event : batch) {
                event.put("_id", next++);
            }
            events.insertMany(batch);
            stored += batch.size();
        }
        return stored;
    }

    interface PayloadChange {
        void apply(ObjectNode payload);
    }

    private static Document copy(Document template, String aggregateId, long sequence, PayloadChange change) {
        try {
            ObjectNode payload = (ObjectNode) ServiceApi.JSON.readTree(template.getString("payload"));
            change.apply(payload);
            Document copy = new Document(template);
            copy.remove("_id");
            copy.put("aggregateIdentifier", aggregateId);
            copy.put("sequenceNumber", sequence);
            copy.put("streamKey", aggregateId + "#" + sequence);
            copy.put("eventIdentifier", UUID.randomUUID().toString());
            copy.put("payload", ServiceApi.JSON.writeValueAsString(payload));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
