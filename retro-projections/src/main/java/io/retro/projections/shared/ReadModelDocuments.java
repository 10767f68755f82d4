package io.retro.projections.shared;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A read model's collection as its event handlers change it: one document at a time, by id. Within
 * a batch that gathers its writes ({@link BatchWrites}) the changes stay in memory until the batch
 * ends; otherwise each goes to the store at once. Changes are built with {@link Changes} and their
 * conditions with {@link Conditions}, which a batch reads as they are. Every change counts the
 * document's {@link BatchWrites#REVISION revision} up.
 */
public final class ReadModelDocuments {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final UpdateOptions UPDATE = new UpdateOptions();

    private final Supplier<MongoCollection<Document>> collection;

    ReadModelDocuments(Supplier<MongoCollection<Document>> collection) {
        this.collection = collection;
    }

    /** The document as the handlers have changed it so far; to be read, not changed: changes go through the update methods. */
    public Optional<Document> find(Object id) {
        MongoCollection<Document> target = collection.get();
        return BatchWrites.current()
                .map(batch -> batch.find(target, id))
                .orElseGet(() -> Optional.ofNullable(target.find(BatchWrites.filter(id, null)).first()));
    }

    /** Changes the document if there is one. */
    public void update(Object id, Bson change) {
        write(id, null, change, false);
    }

    /** Changes the document, creating it if there is none. */
    public void upsert(Object id, Bson change) {
        write(id, null, change, true);
    }

    /** Changes the document only where it also meets {@code condition}. */
    public void updateWhere(Object id, Bson condition, Bson change) {
        write(id, condition, change, false);
    }

    private void write(Object id, Bson condition, Bson change, boolean upsert) {
        MongoCollection<Document> target = collection.get();
        Optional<BatchWrites> batch = BatchWrites.current();
        if (batch.isPresent()) {
            // The batch counts the revision as it applies the change: a rebuild makes millions of them.
            batch.get().update(target, id, condition, change, upsert);
        } else {
            Bson counted = Changes.combine(change, Changes.inc(BatchWrites.REVISION, 1));
            target.updateOne(BatchWrites.filter(id, condition), counted, upsert ? UPSERT : UPDATE);
        }
    }
}
