package io.retro.projections.shared;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The read-model writes of one batch of events, worked out in memory and written once per document
 * when the batch ends. A rebuild hands a processor hundreds of events of one retro in a row; written
 * one by one, each would rewrite the whole, growing board.
 *
 * <p>Each document is read once, changed in memory by every update of the batch, and replaced only
 * if its revision is still the one read. Another writer may have changed it in between: a segment
 * handling another aggregate's events, or another node. Then the document is read again and the
 * batch's updates are worked out on it anew, until a replace finds it unchanged. Sending the updates
 * to the store one by one instead made each rewrite the whole document, and the health read model's
 * team documents, which every segment changes, met another writer on most batches of a rebuild.
 */
public final class BatchWrites {

    /** Counts the writes to a read-model document, so that a batch can tell whether it changed since it was read. */
    public static final String REVISION = "_rev";
    private static final String RESOURCE = BatchWrites.class.getName();

    private final Map<Key, Staged> staged = new LinkedHashMap<>();
    /** Null for a batch that may meet other writers. */
    private final OnlyWriter onlyWriter;

    private BatchWrites(OnlyWriter onlyWriter) {
        this.onlyWriter = onlyWriter;
    }

    /** Gathers the writes of this unit of work's batch from now on, until {@link #flush()}. */
    public static BatchWrites begin(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new BatchWrites(null));
    }

    /**
     * The writer of a read model's documents while it holds the only claim on them, from an empty
     * generation on: a rebuild's replay. A document another writer changed meanwhile fails the
     * flush instead of being read again, and the batch is to be handled again. So its batches keep
     * no update once applied, write each collection's documents in one request, and look up only
     * the documents this writer wrote before: there is no other. A replay's chunk creates a
     * hundred boards or more, each looked up and written with a request of its own before.
     */
    public static final class OnlyWriter {

        private final Set<Key> written = new HashSet<>();

        /** As {@link BatchWrites#begin}, for a batch of this writer. */
        public BatchWrites begin(UnitOfWork<?> unitOfWork) {
            return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new BatchWrites(this));
        }
    }

    /** The writes of the batch this thread is handling, if it gathers them. */
    static Optional<BatchWrites> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    /** The document as the batch has changed it so far; the batch's own, so to be read, not changed. */
    Optional<Document> find(MongoCollection<Document> collection, Object id) {
        return Optional.ofNullable(stage(collection, id).current);
    }

    /** Changes the document as the batch has it so far, and counts its {@link #REVISION revision} up if it did. */
    void update(MongoCollection<Document> collection, Object id, Bson condition, Bson change, boolean upsert) {
        stage(collection, id).apply(DocumentUpdate.of(condition, change, upsert, collection.getCodecRegistry()));
    }

    /** Writes every document the batch changed; called before the batch's token is stored. */
    public void flush() {
        if (onlyWriter != null) {
            writeEachCollectionAtOnce();
        } else {
            for (Staged document : staged.values()) {
                document.write();
            }
        }
        staged.clear();
    }

    /** The only writer expects each of its writes to land: a write that misses fails the batch. */
    private void writeEachCollectionAtOnce() {
        Map<MongoNamespace, Map<Key, Staged>> byCollection = new LinkedHashMap<>();
        staged.forEach((key, document) -> {
            if (document.changed) {
                byCollection.computeIfAbsent(document.collection.getNamespace(), namespace -> new LinkedHashMap<>()).put(key, document);
            }
        });
        for (Map.Entry<MongoNamespace, Map<Key, Staged>> collection : byCollection.entrySet()) {
            Collection<Staged> documents = collection.getValue().values();
            BulkWriteResult written = documents.iterator().next().collection.bulkWrite(documents.stream().map(Staged::asWrite).toList());
            if (written.getInsertedCount() + written.getMatchedCount() != documents.size()) {
                throw new ConcurrentModificationException("Another writer changed documents of " + collection.getKey()
                        + " while a batch that expected to be their only writer changed them; the batch is to be handled again");
            }
            onlyWriter.written.addAll(collection.getValue().keySet());
        }
    }

    static Bson filter(Object id, Bson condition) {
        return condition == null ? eq("_id", id) : and(eq("_id", id), condition);
    }

    private Staged stage(MongoCollection<Document> collection, Object id) {
        Key key = new Key(collection.getNamespace(), id);
        Staged document = staged.get(key);
        if (document == null) {
            document = new Staged(collection, id, lookUp(collection, id, key), onlyWriter == null);
            staged.put(key, document);
        }
        return document;
    }

    /** A document of a collection. */
    private record Key(MongoNamespace collection, Object id) {}

    private Document lookUp(MongoCollection<Document> collection, Object id, Key key) {
        if (onlyWriter != null && !onlyWriter.written.contains(key)) {
            // The generation began empty and no one else writes it: what this writer did not write is not there.
            return null;
        }
        return collection.find(eq("_id", id)).first();
    }

    private static final class Staged {

        private final MongoCollection<Document> collection;
        private final Object id;
        /** The batch's updates, to work out anew on the document as another writer left it; none kept for the only writer. */
        private final List<DocumentUpdate> updates;
        private boolean stored;
        /** The revision as read: the replace applies only if the stored document still has it. */
        private Object revision;
        /** The document as read, then changed in place by each update of the batch. */
        private Document current;
        private boolean changed;

        Staged(MongoCollection<Document> collection, Object id, Document loaded, boolean keepUpdates) {
            this.collection = collection;
            this.id = id;
            this.updates = keepUpdates ? new ArrayList<>() : null;
            load(loaded);
        }

        void apply(DocumentUpdate update) {
            if (updates != null) {
                updates.add(update);
            }
            change(update);
        }

        void write() {
            while (changed && !replaced()) {
                load(collection.find(eq("_id", id)).first());
                updates.forEach(this::change);
            }
        }

        private void load(Document loaded) {
            stored = loaded != null;
            revision = loaded == null ? null : loaded.get(REVISION);
            current = loaded;
            changed = false;
        }

        private void change(DocumentUpdate update) {
            boolean applied;
            if (current == null) {
                current = update.insert(id);
                applied = current != null;
            } else {
                applied = update.applyTo(current);
            }
            if (applied) {
                DocumentUpdate.inc(current, REVISION, 1);
                changed = true;
            }
        }

        /** The write that lands only if no other writer got there first. */
        WriteModel<Document> asWrite() {
            return stored ? new ReplaceOneModel<>(and(eq("_id", id), unchanged()), current) : new InsertOneModel<>(current);
        }

        private Bson unchanged() {
            return revision == null ? exists(REVISION, false) : eq(REVISION, revision);
        }

        /** Whether the document went to the store: false if another writer got there first. */
        private boolean replaced() {
            try {
                if (!stored) {
                    collection.insertOne(current);
                    return true;
                }
                return collection.replaceOne(and(eq("_id", id), unchanged()), current).getMatchedCount() == 1;
            } catch (MongoWriteException e) {
                // Another writer inserted the document first; a clash on any other unique key is no race to try again.
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || collection.countDocuments(eq("_id", id)) == 0) {
                    throw e;
                }
                return false;
            }
        }
    }
}
