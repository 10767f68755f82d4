package io.retro.web.shared;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * The first response to each {@code Idempotency-Key}, per user. A key is claimed before the request
 * runs, so that two identical requests racing each other run once.
 */
@Component
class IdempotencyRecords {

    private final MongoCollection<Document> records;

    IdempotencyRecords(MongoDatabase database) {
        this.records = database.getCollection("idempotency_keys");
    }

    /** The stored response of an earlier request with this key, or empty when this request now owns the key. */
    Optional<Earlier> claim(String key, String requestHash) {
        try {
            records.insertOne(new Document("_id", key)
                    .append("requestHash", requestHash)
                    .append("createdAt", Instant.now().toString()));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = records.find(eq("_id", key)).first();
        if (earlier == null) {
            return claim(key, requestHash);
        }
        return Optional.of(new Earlier(
                earlier.getString("requestHash"),
                earlier.getInteger("status"),
                earlier.getString("location"),
                earlier.getString("contentType"),
                earlier.get("body", Binary.class) == null ? new byte[0] : earlier.get("body", Binary.class).getData()));
    }

    void complete(String key, int status, String location, String contentType, byte[] body) {
        records.updateOne(eq("_id", key), Updates.combine(
                Updates.set("status", status),
                Updates.set("location", location),
                Updates.set("contentType", contentType),
                Updates.set("body", new Binary(body))));
    }

    /** Gives the key back after a failure on the server's side, so that the client can retry. */
    void release(String key, String requestHash) {
        records.deleteOne(and(eq("_id", key), eq("requestHash", requestHash)));
    }

    record Earlier(String requestHash, Integer status, String location, String contentType, byte[] body) {

        boolean inProgress() {
            return status == null;
        }
    }
}
