package io.retro.projections.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The changes read-model handlers make to their documents: MongoDB's update operators, as the
 * driver's {@code Updates} builds them, but built as plain documents. A batch of events
 * ({@link BatchWrites}) applies them in memory as they are; the driver's builders can only be read
 * back by encoding them to BSON and decoding that again, which in a rebuild of every read model was
 * a fifth of all the memory the service allocated.
 */
public final class Changes {

    private Changes() {}

    public static Bson set(String path, Object value) {
        return operator("$set", path, value);
    }

    public static Bson setOnInsert(String path, Object value) {
        return operator("$setOnInsert", path, value);
    }

    public static Bson unset(String path) {
        return operator("$unset", path, "");
    }

    public static Bson inc(String path, Number by) {
        return operator("$inc", path, by);
    }

    public static Bson addToSet(String path, Object value) {
        return operator("$addToSet", path, value);
    }

    public static Bson combine(Bson... changes) {
        return combine(Arrays.asList(changes));
    }

    /** One change made of these, in order: a later one on the same field wins, as with the driver's {@code Updates.combine}. */
    public static Bson combine(List<? extends Bson> changes) {
        Document combined = new Document();
        for (Bson change : changes) {
            if (!(change instanceof Document operators)) {
                throw new IllegalArgumentException("Combine changes built by Changes, not " + change.getClass().getName());
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                ((Document) combined.computeIfAbsent(operator.getKey(), name -> new Document())).putAll((Document) operator.getValue());
            }
        }
        return combined;
    }

    private static Bson operator(String operator, String path, Object value) {
        return new Document(operator, new Document(path, value));
    }
}
