package io.retro.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedBackendsTest {

    @TempDir
    Path dataDir;

    @Test
    void readsAFileTheShippedBackendWrote() {
        MongoServer shipped = new MongoServer(new H2Backend(dataDir.resolve("retro.mv").toString()));
        InetSocketAddress address = shipped.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            boards.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "b" + i).append("_rev", 1)).toList());
        } finally {
            shipped.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            assertThat(boards.countDocuments()).isEqualTo(50);
            assertThat(boards.find(and(eq("_id", "b7"), eq("_rev", 1))).first()).isEqualTo(new Document("_id", "b7").append("_rev", 1));
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
