package io.retro.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the embedded store puts a collection's documents in its file: in the order they come. */
class DocumentPositionsTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsAreStoredInTheOrderTheyCome() {
        Path file = dataDir.resolve("retro.mv");
        List<String> ids = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.storeBuilder(file.toString(), 16).open(),
                "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            boards.insertMany(ids.subList(0, 30).stream().map(id -> new Document("_id", id)).toList());
            ids.subList(30, 50).forEach(id -> boards.insertOne(new Document("_id", id)));
        }

        List<Object> positions = new ArrayList<>();
        List<Object> stored = new ArrayList<>();
        readOnly(file, map -> map.entrySet().forEach(entry -> {
            positions.add(entry.getKey());
            stored.add(entry.getValue().get("_id"));
        }));
        assertThat(positions).isEqualTo(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(stored).isEqualTo(ids);
    }

    @Test
    void aFileWrittenUnderIdsReadsAsBeforeAndItsNewDocumentsFollowInOrder() {
        Path file = dataDir.resolve("retro.mv");
        MVStore before = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer library = new MongoServer(new H2Backend(before));
        try (MongoClient client = MongoClients.create(library.bindAndGetConnectionString())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            IntStream.range(0, 20).forEach(i -> boards.insertOne(new Document("_id", "old-" + i).append("phase", "REFLECT")));
        } finally {
            library.shutdownNow();
            if (!before.isClosed()) {
                before.close();
            }
        }

        for (int restart = 0; restart < 2; restart++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.storeBuilder(file.toString(), 16).open(),
                    "127.0.0.1", 0);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
                for (int i = 0; i < 5; i++) {
                    boards.insertOne(new Document("_id", "new-" + restart + "-" + i).append("phase", "REFLECT"));
                }
                boards.updateOne(eq("_id", "old-" + restart), Updates.set("phase", "VOTE"));
                assertThat(boards.countDocuments()).isEqualTo(20 + 5 * (restart + 1));
                assertThat(boards.find(eq("_id", "old-7")).first()).isEqualTo(new Document("_id", "old-7").append("phase", "REFLECT"));
                assertThat(boards.find(eq("_id", "old-" + restart)).first().getString("phase")).isEqualTo("VOTE");
            }
        }

        List<Object> numbered = new ArrayList<>();
        readOnly(file, map -> map.forEach((position, document) -> {
            if (position instanceof Long) {
                numbered.add(document.get("_id"));
            } else {
                assertThat(position).as("stored before, under its id").isEqualTo(document.get("_id"));
            }
        }));
        assertThat(numbered).containsExactly("new-0-0", "new-0-1", "new-0-2", "new-0-3", "new-0-4",
                "new-1-0", "new-1-1", "new-1-2", "new-1-3", "new-1-4");
    }

    /** The boards collection's map of documents by position, as the file holds it. */
    private static void readOnly(Path file, Consumer<MVMap<Object, de.bwaldvogel.mongo.bson.Document>> reader) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            reader.accept(IndexedH2Backend.documents(store, "retro.boards"));
        } finally {
            store.close();
        }
    }
}
