package io.retro.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedBackendsTest {

    @TempDir
    Path dataDir;

    /** A file the shipped backend wrote reads on, also once the service wrote to it and started again. */
    @Test
    void readsAFileTheShippedBackendWroteAndGoesOnWritingIt() {
        List<Document> boards = IntStream.range(0, 600)
                .mapToObj(i -> new Document("_id", i % 3 == 0 ? "b" + i : i % 3 == 1 ? (Object) (i - 300L) : new ObjectId())
                        .append("slug", "board-" + i).append("_rev", 1))
                .toList();
        Path file = dataDir.resolve("retro.mv");
        MongoServer shipped = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = client(shipped)) {
            MongoCollection<Document> collection = client.getDatabase("retro").getCollection("boards");
            collection.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            collection.insertMany(boards.subList(0, 300));
        } finally {
            shipped.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("retro").getCollection("boards");
            findsEachByItsUniqueKeys(collection, boards.subList(0, 300));
            collection.insertMany(boards.subList(300, 600));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            findsEachByItsUniqueKeys(client.getDatabase("retro").getCollection("boards"), boards);
        }
    }

    /** The statistics count a collection's documents but do not add up their sizes, which took encoding each write again. */
    @Test
    void collectionStatisticsCountDocumentsWithoutAddingUpTheirSizes() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            boards.insertMany(IntStream.range(0, 20).mapToObj(i -> new Document("_id", "b" + i).append("title", "Board " + i)).toList());
            boards.updateOne(eq("_id", "b1"), Updates.set("title", "x".repeat(1_000)));
            boards.deleteOne(eq("_id", "b2"));

            Document stats = client.getDatabase("retro").runCommand(new Document("collStats", "boards"));

            assertThat(stats.get("count", Number.class).intValue()).isEqualTo(19);
            assertThat(stats.get("size", Number.class).longValue()).isZero();
        }
    }

    private static MongoClient client(MongoServer server) {
        InetSocketAddress address = server.bind();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    private static void findsEachByItsUniqueKeys(MongoCollection<Document> collection, List<Document> boards) {
        assertThat(collection.countDocuments()).isEqualTo(boards.size());
        for (Document board : boards) {
            assertThat(collection.find(and(eq("_id", board.get("_id")), eq("_rev", 1))).first()).isEqualTo(board);
            assertThat(collection.find(eq("slug", board.get("slug"))).first()).isEqualTo(board);
        }
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", "b3")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", "new").append("slug", "board-4")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void keepsUniqueIndexesWithKeysThatAreNotJavaSerialized() {
        IndexedH2Backend backend = new IndexedH2Backend(new MVStore.Builder().fileName(dataDir.resolve("retro.mv").toString()).open());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> collection = client.getDatabase("retro").getCollection("boards");
            collection.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            collection.insertOne(new Document("_id", "b1").append("slug", "one"));
            for (String index : List.of("_id_", "slug_1")) {
                assertThat(IndexedH2Backend.uniqueIndex(backend.getMvStore(), "retro.boards", index).getKeyType())
                        .as(index).isInstanceOf(KeyValueType.class);
            }
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aQueryByIdStillMeetsItsOtherConditions() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            meetsItsOtherConditions(client.getDatabase("retro").getCollection("boards"));
        }
    }

    @Test
    void inMemoryAQueryByIdStillMeetsItsOtherConditions() {
        MongoServer server = new MongoServer(new IndexedMemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            meetsItsOtherConditions(client.getDatabase("check").getCollection("boards"));
        } finally {
            server.shutdownNow();
        }
    }

    /** By a set of ids, each backend finds what the library's own matching finds: a 3.0 for a 3, an int for a long. */
    @Test
    void aQueryByAListOfIdsFindsWhatTheLibrarysMatchingFinds() {
        List<Document> documents = List.of(new Document("_id", 1), new Document("_id", 2L), new Document("_id", 3.0),
                new Document("_id", 4L).append("x", 1), new Document("_id", 5.5), new Document("_id", "a"),
                new Document("_id", "b"), new Document("_id", new ObjectId()));
        Map<Bson, List<Object>> queries = Map.of(
                in("_id", 1L, 3, 4, "a", 99L), List.of(1, 3.0, 4L, "a"),
                in("_id", 2.0, 5.5, "b"), List.of(2L, 5.5, "b"),
                and(in("_id", 1, 2L, 4L), eq("x", 1)), List.of(4L),
                in("_id", 7L, "c"), List.of());
        MongoServer library = new MongoServer(new MemoryBackend());
        MongoServer inMemory = new MongoServer(new IndexedMemoryBackend());
        try (MongoClient expected = client(library); MongoClient memory = client(inMemory);
                EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient embedded = MongoClients.create(server.connectionString())) {
            for (MongoClient client : List.of(expected, memory, embedded)) {
                client.getDatabase("retro").getCollection("events").insertMany(documents);
            }
            queries.forEach((query, found) -> {
                assertThat(ids(expected, query)).as("the library, %s", query).containsExactlyInAnyOrderElementsOf(found);
                assertThat(ids(memory, query)).as("in memory, %s", query).containsExactlyInAnyOrderElementsOf(found);
                assertThat(ids(embedded, query)).as("embedded, %s", query).containsExactlyInAnyOrderElementsOf(found);
            });
        } finally {
            library.shutdownNow();
            inMemory.shutdownNow();
        }
    }

    private static List<Object> ids(MongoClient client, Bson query) {
        return client.getDatabase("retro").getCollection("events").find(query).map(document -> document.get("_id")).into(new ArrayList<>());
    }

    private static void meetsItsOtherConditions(MongoCollection<Document> boards) {
        boards.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "b" + i).append("_rev", 1)).toList());

        assertThat(boards.updateOne(and(eq("_id", "b5"), eq("_rev", 1)), Updates.inc("_rev", 1)).getMatchedCount()).isEqualTo(1);
        assertThat(boards.updateOne(and(eq("_id", "b5"), eq("_rev", 1)), Updates.inc("_rev", 1)).getMatchedCount())
                .as("the revision moved on").isZero();
        assertThat(boards.replaceOne(and(eq("_id", "b6"), exists("_rev", false)), new Document("_rev", 9)).getMatchedCount())
                .isZero();
        assertThat(boards.deleteOne(and(eq("_id", "b7"), eq("_rev", 2))).getDeletedCount()).isZero();
        assertThat(boards.deleteOne(and(eq("_id", "b7"), eq("_rev", 1))).getDeletedCount()).isEqualTo(1);
        assertThat(boards.find(and(eq("_id", "b5"), eq("_rev", 2))).into(new ArrayList<>())).hasSize(1);
        assertThat(boards.find(and(eq("_id", "missing"), eq("_rev", 1))).into(new ArrayList<>())).isEmpty();

        List<Document> laterRevisions = boards.find(and(gt("_id", "b"), gt("_rev", 1))).into(new ArrayList<>());
        assertThat(laterRevisions).extracting(document -> document.get("_id")).containsExactly("b5");
        assertThat(boards.countDocuments()).isEqualTo(49);
    }
}
