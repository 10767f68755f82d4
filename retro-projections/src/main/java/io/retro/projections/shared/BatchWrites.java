package io.retro.projections.shared;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Map<String, Staged> staged = new LinkedHashMap<>();

    /** Gathers the writes of this unit of work's batch from now on, until {@link #flush()}. */
    public static BatchWrites begin(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new BatchWrites());
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

    void update(MongoCollection<Document> collection, Object id, Bson condition, Bson change, boolean upsert) {
        stage(collection, id).apply(DocumentUpdate.of(condition, change, upsert, collection.getCodecRegistry()));
    }

    /** Writes every document the batch changed; called before the batch's token is stored. */
    public void flush() {
        for (Staged document : staged.values()) {
            document.write();
        }
        staged.clear();
    }

    static Bson filter(Object id, Bson condition) {
        return condition == null ? eq("_id", id) : and(eq("_id", id), condition);
    }

    private Staged stage(MongoCollection<Document> collection, Object id) {
        return staged.computeIfAbsent(collection.getNamespace().getFullName() + "\u0000" + id,
                key -> new Staged(collection, id, collection.find(eq("_id", id)).first()));
    }

    private static final class Staged {

        private final MongoCollection<Document> collection;
        private final Object id;
        private final List<DocumentUpdate> updates = new ArrayList<>();
        private boolean stored;
        /** The revision as read: the replace applies only if the stored document still has it. */
        private Object revision;
        /** The document as read, then changed in place by each update of the batch. */
        private Document current;
        private boolean changed;

        Staged(MongoCollection<Document> collection, Object id, Document loaded) {
            this.collection = collection;
            this.id = id;
            load(loaded);
        }

        void apply(DocumentUpdate update) {
            updates.add(update);
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
            if (current == null) {
                current = update.insert(id);
                changed = current != null;
            } else {
                changed |= update.applyTo(current);
            }
        }

        /** Whether the document went to the store: false if another writer got there first. */
        private boolean replaced() {
            try {
                if (!stored) {
                    collection.insertOne(current);
                    return true;
                }
                Bson unchanged = revision == null ? exists(REVISION, false) : eq(REVISION, revision);
                return collection.replaceOne(and(eq("_id", id), unchanged), current).getMatchedCount() == 1;
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
