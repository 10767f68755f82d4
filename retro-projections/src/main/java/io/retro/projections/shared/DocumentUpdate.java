package io.retro.projections.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.bson.Document;

/**
 * One update of one document, worked out in memory as MongoDB would: how a batch of events changes
 * a document many times and writes it once. It knows the conditions and operators the projections
 * use ({@code $lt}, {@code $exists}, equality; {@code $set}, {@code $unset}, {@code $inc},
 * {@code $addToSet}, {@code $setOnInsert}) and refuses any other, so that a projection that starts
 * using one finds out in its tests, not in a wrong read model.
 */
final class DocumentUpdate {

    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private static final Set<String> KNOWN_OPERATORS = Set.of("$set", "$setOnInsert", "$unset", "$inc", "$addToSet");
    private static volatile Codec lastCodec;

    /** Besides the id; {@code null}: none. */
    private final Document condition;
    private final Document operators;
    private final boolean upsert;

    private DocumentUpdate(Document condition, Document operators, boolean upsert) {
        this.condition = condition;
        this.operators = operators;
        this.upsert = upsert;
        operators.keySet().forEach(DocumentUpdate::requireKnownOperator);
    }

    /**
     * Reads the condition (besides the id; {@code null}: none) and the update. A plain document, as
     * {@link Changes} builds, is read as it is; any other as the driver would send it, so that its
     * values compare as stored ones do.
     */
    static DocumentUpdate of(Bson condition, Bson change, boolean upsert, CodecRegistry codecs) {
        return new DocumentUpdate(condition == null ? null : read(condition, codecs), read(change, codecs), upsert);
    }

    private static Document read(Bson bson, CodecRegistry codecs) {
        return bson instanceof Document document ? document : decode(bson.toBsonDocument(Document.class, codecs), codecs);
    }

    /** The document this update inserts when there is none: {@code null} unless it is an upsert. */
    Document insert(Object id) {
        if (!upsert) {
            return null;
        }
        Document inserted = new Document("_id", id);
        apply(inserted, true);
        return inserted;
    }

    /**
     * Changes the document in place, if it meets the condition; tells whether it did. Changing in
     * place spares a copy of a whole board for each event of a batch.
     */
    boolean applyTo(Document document) {
        if (condition != null && !matches(document, condition)) {
            return false;
        }
        apply(document, false);
        return true;
    }

    /** Adds to the number at the path as {@code $inc} does. */
    static void inc(Document document, String path, Number by) {
        set(document, path, add(get(document, path), by, path));
    }

    private void apply(Document document, boolean inserting) {
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String path = field.getKey();
                // A copy: later updates of the batch change the document in place, and the value is the handler's.
                Object value = copyOf(field.getValue());
                switch (operator.getKey()) {
                    case "$set" -> set(document, path, value);
                    case "$setOnInsert" -> {
                        if (inserting) {
                            set(document, path, value);
                        }
                    }
                    case "$unset" -> unset(document, path);
                    case "$inc" -> inc(document, path, (Number) value);
                    case "$addToSet" -> addToSet(document, path, value);
                    default -> throw unsupported(operator.getKey());
                }
            }
        }
    }

    private static Object copyOf(Object value) {
        if (value instanceof Document document) {
            Document copy = new Document();
            document.forEach((name, field) -> copy.put(name, copyOf(field)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyOf(element)));
            return copy;
        }
        return value;
    }

    private static boolean matches(Document document, Document condition) {
        for (Map.Entry<String, Object> term : condition.entrySet()) {
            if (term.getKey().equals("$and")) {
                for (Object part : (List<?>) term.getValue()) {
                    if (!matches(document, (Document) part)) {
                        return false;
                    }
                }
                continue;
            }
            if (term.getKey().startsWith("$")) {
                throw unsupported(term.getKey());
            }
            if (!holds(document, term.getKey(), term.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Document document, String path, Object expected) {
        boolean present = has(document, path);
        Object actual = get(document, path);
        if (!(expected instanceof Document operators) || operators.keySet().stream().noneMatch(key -> key.startsWith("$"))) {
            return present && Objects.equals(actual, expected);
        }
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            boolean holds = switch (operator.getKey()) {
                case "$exists" -> present == (Boolean) operator.getValue();
                case "$lt" -> present && compare(actual, operator.getValue()) < 0;
                default -> throw unsupported(operator.getKey());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Numbers by value and strings by text; a value of another type never matches a range. */
    private static int compare(Object actual, Object bound) {
        if (actual instanceof Number a && bound instanceof Number b) {
            return (a instanceof Double || b instanceof Double)
                    ? Double.compare(a.doubleValue(), b.doubleValue())
                    : Long.compare(a.longValue(), b.longValue());
        }
        if (actual instanceof String a && bound instanceof String b) {
            return a.compareTo(b);
        }
        return Integer.MAX_VALUE;
    }

    /** As {@code $inc} adds: int stays int unless it overflows; long and double widen. */
    private static Number add(Object current, Number delta, String path) {
        if (current == null) {
            return delta;
        }
        if (!(current instanceof Number number)) {
            throw new IllegalStateException("Cannot $inc the non-number at " + path);
        }
        if (number instanceof Double || delta instanceof Double) {
            return number.doubleValue() + delta.doubleValue();
        }
        if (number instanceof Integer a && delta instanceof Integer b) {
            long sum = (long) a + b;
            if (sum == (int) sum) {
                return (int) sum;
            }
            return sum;
        }
        return number.longValue() + delta.longValue();
    }

    private static void addToSet(Document document, String path, Object value) {
        Object current = get(document, path);
        if (current == null && !has(document, path)) {
            set(document, path, new ArrayList<>(List.of(value)));
            return;
        }
        if (!(current instanceof List<?> list)) {
            throw new IllegalStateException("Cannot $addToSet to the non-array at " + path);
        }
        if (!list.contains(value)) {
            List<Object> grown = new ArrayList<>(list);
            grown.add(value);
            set(document, path, grown);
        }
    }

    private static void set(Document document, String path, Object value) {
        Document parent = document;
        int start = 0;
        // Walked along the dots rather than split: a rebuild sets millions of fields, most of them at the top.
        for (int dot = path.indexOf('.'); dot >= 0; start = dot + 1, dot = path.indexOf('.', start)) {
            String name = path.substring(start, dot);
            Object child = parent.get(name);
            if (child == null && !parent.containsKey(name)) {
                child = new Document();
                parent.put(name, child);
            }
            if (!(child instanceof Document childDocument)) {
                throw new IllegalStateException("Cannot set " + path + ": " + path.substring(0, dot) + " is no document");
            }
            parent = childDocument;
        }
        parent.put(path.substring(start), value);
    }

    private static void unset(Document document, String path) {
        Document parent = parentOf(document, path);
        if (parent != null) {
            parent.remove(lastName(path));
        }
    }

    private static boolean has(Document document, String path) {
        Document parent = parentOf(document, path);
        return parent != null && parent.containsKey(lastName(path));
    }

    private static Object get(Document document, String path) {
        Document parent = parentOf(document, path);
        return parent == null ? null : parent.get(lastName(path));
    }

    /** The document holding the path's last field; {@code null} when a step on the way is missing or no document. */
    private static Document parentOf(Document document, String path) {
        Document parent = document;
        int start = 0;
        for (int dot = path.indexOf('.'); dot >= 0; start = dot + 1, dot = path.indexOf('.', start)) {
            if (!(parent.get(path.substring(start, dot)) instanceof Document child)) {
                return null;
            }
            parent = child;
        }
        return parent;
    }

    private static String lastName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Document decode(BsonDocument bson, CodecRegistry codecs) {
        return codec(codecs).decode(new BsonDocumentReader(bson), DECODING);
    }

    /** A codec for the registry used last: building one looks up a codec for every BSON type, at each update of a batch. */
    private static DocumentCodec codec(CodecRegistry codecs) {
        Codec last = lastCodec;
        if (last == null || last.registry() != codecs) {
            last = new Codec(codecs, new DocumentCodec(codecs));
            lastCodec = last;
        }
        return last.codec();
    }

    private record Codec(CodecRegistry registry, DocumentCodec codec) {}

    private static void requireKnownOperator(String operator) {
        if (!KNOWN_OPERATORS.contains(operator)) {
            throw unsupported(operator);
        }
    }

    private static UnsupportedOperationException unsupported(String operator) {
        return new UnsupportedOperationException("Read models are changed in memory for a batch of events, which knows no "
                + operator + "; teach DocumentUpdate it, with a test against MongoDB");
    }
}
