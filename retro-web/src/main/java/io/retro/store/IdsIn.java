package io.retro.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Matching a query {@code {_id: {$in: [...]}}} of whole numbers and texts by a set. The server
 * checks each document it found against each value of the list in turn, boxing both as doubles to
 * compare them: reading a thousand events by their numbers took half a million comparisons and a
 * million objects, most of the server's work in reading the events.
 *
 * <p>Each collection keeps the set of the last such query: the server asks about the documents of
 * one query one after another, with the same query.
 */
final class IdsIn {

    private static final String ID = "_id";

    private volatile Query last = new Query(new Document(), null);

    /**
     * Whether the document matches the query; {@code otherwise} tells it for any other query, and
     * for an id of another type, such as a double, which MongoDB finds equal to a whole number.
     */
    boolean matches(Document document, Document query, BiPredicate<Document, Document> otherwise) {
        Query ids = last;
        if (ids.query() != query) {
            ids = Query.of(query);
            last = ids;
        }
        Object id = document.get(ID);
        if (ids.values() == null || !wholeNumberOrText(id)) {
            return otherwise.test(document, query);
        }
        return ids.values().contains(key(id));
    }

    /** The values a set tells apart as MongoDB does; a double may equal a whole number. */
    private static boolean wholeNumberOrText(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long;
    }

    /** A whole number as a long, so that an int and a long of the same value are the same key. */
    private static Object key(Object value) {
        return value instanceof Integer number ? Long.valueOf(number) : value;
    }

    /** @param values the ids asked for, by {@link #key}; {@code null} when the query is another */
    private record Query(Document query, Set<Object> values) {

        static Query of(Document query) {
            if (query.size() != 1 || !(query.get(ID) instanceof Document condition) || condition.size() != 1
                    || !(condition.get("$in") instanceof List<?> list)) {
                return new Query(query, null);
            }
            Set<Object> values = new HashSet<>();
            for (Object value : list) {
                if (!wholeNumberOrText(value)) {
                    return new Query(query, null);
                }
                values.add(key(value));
            }
            return new Query(query, values);
        }
    }
}
