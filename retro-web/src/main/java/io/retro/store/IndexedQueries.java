package io.retro.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Query planning the embedded server lacks: it uses an index only for a query that names nothing
 * but the index's fields, so {@code {_id: X, _rev: 3}}, a read model's guarded write, read every
 * document of the collection: a cost that grew with the read model until a rebuild of a million
 * events crawled. MongoDB plans such a query on the {@code _id} index; so do the collections that
 * ask here.
 */
final class IndexedQueries {

    private IndexedQueries() {}

    /**
     * Where to look for the query's documents: the positions a unique index gives for the query's
     * plain values of all its fields, when the server would not use an index itself; {@code null}
     * to leave the query to the server. The caller still checks the whole query on each document.
     */
    static <P> Iterable<P> narrowed(List<Index<P>> indexes, Document query) {
        if (indexes.stream().anyMatch(index -> index.canHandle(query))) {
            return null;
        }
        Document terms = new Document();
        collectTerms(query, terms);
        for (Index<P> index : indexes) {
            Document keys = indexedPart(index, terms);
            if (keys != null && index.canHandle(keys)) {
                return index.getPositions(keys);
            }
        }
        return null;
    }

    /** The query's conditions on the index's fields, or {@code null} when it leaves one out. */
    private static Document indexedPart(Index<?> index, Document terms) {
        Document keys = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!terms.containsKey(key.getKey())) {
                return null;
            }
            keys.put(key.getKey(), terms.get(key.getKey()));
        }
        return keys;
    }

    /** The field conditions of the query and of its {@code $and}, which is how the driver sends {@code Filters.and}. */
    private static void collectTerms(Document query, Document terms) {
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof List<?> parts) {
                parts.stream().filter(Document.class::isInstance).forEach(part -> collectTerms((Document) part, terms));
            } else if (!field.startsWith("$")) {
                terms.putIfAbsent(field, condition);
            }
        });
    }
}
