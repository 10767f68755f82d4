package io.retro.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend, whose collections plan a query on a unique index as MongoDB would
 * ({@link IndexedQueries}), match a query by a list of ids by a set ({@link IdsIn}) and replace a
 * document they update instead of changing it under its readers, and whose commits hold every write
 * command whole or not at all.
 *
 * <p>H2 takes a commit's maps one after another, and each collection and each of its indexes is a
 * map of its own: a commit that ran beside the writes could keep a read model's change without the
 * event it came from, or a document without its index entry. So write commands share a lock that a
 * commit holds alone; reads go on meanwhile. H2 must then never commit of its own accord: the store
 * is opened with its background writer and its commit on a full write buffer turned off.
 */
final class IndexedH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WRITE_COMMANDS.addAll(List.of("insert", "update", "delete", "findAndModify", "create", "createIndexes", "drop",
                "dropIndexes", "dropDatabase", "renameCollection"));
    }

    private final ReadWriteLock writesAndCommits = new ReentrantReadWriteLock();

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Lock shared = writesAndCommits.readLock();
        shared.lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            shared.unlock();
        }
    }

    /** Stores every write command done so far, each whole, and nothing of those still running. */
    @Override
    public void commit() {
        Lock alone = writesAndCommits.writeLock();
        alone.lock();
        try {
            super.commit();
        } finally {
            alone.unlock();
        }
    }

    /**
     * Rewrites the live pages of the file's chunks that are less than {@code targetFillRate} percent
     * live, at most {@code writeLimit} bytes of them, and commits: H2's background writer did this
     * while it ran.
     */
    void compact(int targetFillRate, int writeLimit) {
        Lock alone = writesAndCommits.writeLock();
        alone.lock();
        try {
            getMvStore().compact(targetFillRate, writeLimit);
            super.commit();
        } finally {
            alone.unlock();
        }
    }

    /** A collection's documents by position, under the name H2Database gives the map, written as BSON. */
    static MVMap<Object, Document> documents(MVStore store, String namespace) {
        return store.openMap("databases." + namespace, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
    }

    /** A collection's unique index, under the name H2Database gives the map, its keys ordered and written by {@link KeyValueType}. */
    static MVMap<KeyValue, Object> uniqueIndex(MVStore store, String namespace, String indexName) {
        return store.openMap(namespace + "._index_" + indexName, new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
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

        /**
         * As {@link H2Database} opens a collection, with the same map names, so existing files read
         * the same, but its documents written as BSON ({@link BsonDocumentType}).
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new Collection(this, collectionName, options, documents(getMvStore(), namespace),
                    getMvStore().openMap("meta." + namespace), cursorRegistry);
        }

        /**
         * As {@link H2Database} opens a unique index, but with its keys ordered and written by {@link KeyValueType}: opened
         * here first under the name H2Database gives it, the map is the one it then finds open.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            uniqueIndex(getMvStore(), getFullCollectionNamespace(collectionName), indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * A collection whose documents are stored in the order they come, where H2Collection stores each
     * under its {@code _id}: most read models' ids are random UUIDs, so that every insert changed a
     * page of its own somewhere in the map, and each commit wrote all of those pages again, each
     * with the other documents it holds. A file written before reads as it did; its new documents
     * go after those stored under numbers, which H2 orders before any text.
     */
    private static final class Collection extends H2Collection {

        private final MVMap<Object, Document> data;
        private final AtomicLong lastPosition;
        /** Whether an update holds this collection's lock; only read and written under it. */
        private boolean updating;
        private final IdsIn idsIn = new IdsIn();

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
            // A file written before holds documents under their ids, numbers too (the events'): start after the greatest.
            this.lastPosition = new AtomicLong(data.floorKey(Long.MAX_VALUE) instanceof Long last ? last : 0L);
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Long position = lastPosition.incrementAndGet();
            Document previous = data.putIfAbsent(position, document);
            if (previous != null) {
                throw new IllegalStateException("Position " + position + " of " + this + " is taken already");
            }
            return position;
        }

        /**
         * No: for the collection's statistics, the server encodes every document it inserts, updates
         * or deletes once more, whole, to add up its size in the collection's meta map. Nothing here
         * reads those statistics, and rewriting the read models' documents in a rebuild spent a
         * twentieth of the service's CPU on it.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                boolean isMulti, boolean isUpsert, Oplog oplog) {
            updating = true;
            try {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                updating = false;
            }
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            updating = true;
            try {
                return super.findAndModify(query);
            } finally {
                updating = false;
            }
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            return idsIn.matches(document, query, super::documentMatchesQuery);
        }

        /**
         * The documents an update is to change come as copies. The server changes the document it
         * found in place, field by field, before it stores the new one; but the document it found is
         * the one every reader is handed, and a reader's answer is encoded after the collection's lock
         * is let go. So a reader could get a read model's document half changed: the old items with
         * the new revision, and a batch written on top of that read dropped the changes of another
         * segment without noticing. Stored documents are never changed now, only replaced. A copy of
         * the top level is enough: the server changes only that, putting in values it copied whole
         * from the old document or the update.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            Iterable<Object> positions = IndexedQueries.narrowed(getIndexes(), query);
            QueryResult found = positions == null
                    ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
            if (!updating) {
                return found;
            }
            List<Document> copies = new ArrayList<>();
            found.forEach(document -> copies.add(new Document(document)));
            return new QueryResult(copies, found.getCursorId());
        }
    }
}
