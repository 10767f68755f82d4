package io.retro.eventstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The tokens of a processor's segments as the token store holds them, read without claiming: how
 * far the nodes holding those segments have got. Axon's token store can only fetch a token by
 * claiming it.
 */
@Component
public class StoredTokens {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    StoredTokens(MongoDatabase database, @Qualifier("serializer") Serializer serializer) {
        this.tokens = database.getCollection(EventStoreConfiguration.TRACKING_TOKENS);
        this.serializer = serializer;
    }

    /** Segment id → stored token; a segment whose token is still empty maps to null. */
    public Map<Integer, TrackingToken> of(String processorName) {
        Map<Integer, TrackingToken> bySegment = new HashMap<>();
        for (Document entry : tokens.find(eq("processorName", processorName))) {
            bySegment.put(entry.getInteger("segment"), token(entry));
        }
        return bySegment;
    }

    private TrackingToken token(Document entry) {
        Object data = entry.get("token");
        String type = entry.getString("tokenType");
        if (data == null || type == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType(type, null)));
    }
}
