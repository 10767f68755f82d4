package io.retro.projections.shared;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The conditions read-model handlers put on a change, as the driver's {@code Filters} builds them,
 * but built as plain documents, as {@link Changes} builds the changes: a batch reads them as they
 * are, where a {@code Filters} condition is encoded to BSON and decoded again, at every event of a
 * board in a rebuild.
 */
public final class Conditions {

    private Conditions() {}

    public static Bson lt(String path, Object value) {
        return new Document(path, new Document("$lt", value));
    }

    public static Bson exists(String path, boolean exists) {
        return new Document(path, new Document("$exists", exists));
    }
}
