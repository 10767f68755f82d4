package io.retro.projections.shared;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;

/**
 * The collections of one read model, in generations, so that it can be rebuilt while it answers.
 *
 * <p>Queries read the active generation. Event handlers write the active generation too, except
 * during a rebuild: then they write a new generation, from the first event on, while queries keep
 * answering from the old one. When the rebuild has caught up, the new generation becomes active and
 * the old one is dropped. Generation 0 uses the plain collection names.
 *
 * <p>Which generation is active is kept in the {@code read_models} collection, so every node agrees;
 * a node looks again at most every {@link #REFRESH}. Declare read models through {@link ReadModels}.
 */
public final class ReadModel {

    static final String REGISTRY = "read_models";
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final MongoDatabase database;
    private final String name;
    private final List<String> collections;
    private final Consumer<Function<String, MongoCollection<Document>>> prepare;
    private final MongoCollection<Document> registry;
    /** Every handler call asks for its collection; the driver builds and checks a new handle for each. */
    private final Map<String, MongoCollection<Document>> handles = new ConcurrentHashMap<>();
    private volatile Generations generations;
    private volatile long loadedAtNanos;

    /**
     * @param collections the collections this read model owns
     * @param prepare creates indexes on a generation's collections, given how to name them
     */
    ReadModel(MongoDatabase database, String name, List<String> collections,
            Consumer<Function<String, MongoCollection<Document>>> prepare) {
        this.database = database;
        this.name = name;
        this.collections = List.copyOf(collections);
        this.prepare = prepare;
        this.registry = database.getCollection(REGISTRY);
        this.generations = load();
        prepare.accept(collection -> collection(collection, generations.active()));
    }

    public String name() {
        return name;
    }

    /** The collections this read model owns. */
    public List<String> collections() {
        return collections;
    }

    /** Where queries read. */
    public MongoCollection<Document> forQueries(String collection) {
        return collection(collection, current().active());
    }

    /** Where event handlers change documents: the generation being built during a rebuild. */
    public ReadModelDocuments documents(String collection) {
        // A collection this read model does not own fails here, not at the first event.
        collection(collection, 0);
        return new ReadModelDocuments(() -> forEvents(collection));
    }

    private MongoCollection<Document> forEvents(String collection) {
        Generations now = current();
        return collection(collection, now.building() == null ? now.active() : now.building());
    }

    public boolean rebuilding() {
        return current().building() != null;
    }

    /** Starts a new, empty generation for the events to fill; called when the processor's tokens are reset. */
    public synchronized void beginRebuild() {
        Generations now = load();
        int next = Math.max(now.active(), now.building() == null ? now.active() : now.building()) + 1;
        for (String collection : collections) {
            dropIfExists(collection(collection, next));
        }
        prepare.accept(collection -> collection(collection, next));
        store(new Generations(now.active(), next));
    }

    /** Makes the rebuilt generation the one queries read, and drops the old one. */
    public synchronized void completeRebuild() {
        Generations now = load();
        if (now.building() == null) {
            return;
        }
        store(new Generations(now.building(), null));
        for (String collection : collections) {
            dropIfExists(collection(collection, now.active()));
        }
    }

    private Generations current() {
        if (System.nanoTime() - loadedAtNanos > REFRESH.toNanos()) {
            generations = load();
        }
        return generations;
    }

    private Generations load() {
        Document document = registry.find(eq("_id", name)).first();
        loadedAtNanos = System.nanoTime();
        if (document == null) {
            return new Generations(0, null);
        }
        return new Generations(document.getInteger("active", 0), document.getInteger("building"));
    }

    private void store(Generations next) {
        registry.replaceOne(eq("_id", name),
                new Document("_id", name).append("active", next.active()).append("building", next.building()),
                new ReplaceOptions().upsert(true));
        generations = next;
        loadedAtNanos = System.nanoTime();
    }

    /** The embedded server, unlike MongoDB, refuses to drop a collection that does not exist. */
    private void dropIfExists(MongoCollection<Document> collection) {
        String collectionName = collection.getNamespace().getCollectionName();
        if (database.listCollectionNames().into(new ArrayList<>()).contains(collectionName)) {
            collection.drop();
        }
    }

    private MongoCollection<Document> collection(String collection, int generation) {
        if (!collections.contains(collection)) {
            throw new IllegalArgumentException("Read model " + name + " has no collection " + collection);
        }
        return handles.computeIfAbsent(generation == 0 ? collection : collection + "__" + generation, database::getCollection);
    }

    private record Generations(int active, Integer building) {}
}
