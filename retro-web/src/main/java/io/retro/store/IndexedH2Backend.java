package io.retro.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend, with one change: a query that names every field of a unique
 * index with a plain value finds its documents through that index, and only checks its other
 * conditions on them. The backend as shipped uses an index only when a query names nothing else,
 * so {@code {_id: X, _rev: 3}}, a read model's guarded write, read every document of the
 * collection: a cost that grew with the read model until a rebuild of a million events crawled.
 * MongoDB itself plans such a query on the {@code _id} index.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Not static: H2's database opens its collections while it is constructed, before a field of its own is set. */
    private final class Database extends H2Database {

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /** As {@link H2Database} opens a collection, with the same map names, so existing files read the same. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new Collection(this, collectionName, options, getMvStore().openMap("databases." + namespace),
                    getMvStore().openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String name, CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            if (getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
                for (Index<Object> index : getIndexes()) {
                    Document keys = indexedPart(index, query);
                    if (keys != null && index.canHandle(keys)) {
                        return matchDocuments(query, index.getPositions(keys), orderBy, skip, limit, batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /** The query's conditions on the index's fields, or {@code null} when it leaves one out. */
        private static Document indexedPart(Index<Object> index, Document query) {
            Document terms = new Document();
            collectTerms(query, terms);
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
}
