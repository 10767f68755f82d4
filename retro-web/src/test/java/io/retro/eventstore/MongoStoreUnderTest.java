package io.retro.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;

/**
 * A MongoDB database for one test, dropped afterwards: a fresh in-memory embedded server, or a
 * database of its own on the real MongoDB given by {@code RETRO_TEST_MONGODB_URI}.
 */
final class MongoStoreUnderTest implements AutoCloseable {

    static final String REAL_MONGODB_URI = "RETRO_TEST_MONGODB_URI";

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    private MongoStoreUnderTest(MongoServer server, MongoClient client, String databaseName) {
        this.server = server;
        this.client = client;
        this.database = client.getDatabase(databaseName);
    }

    static MongoStoreUnderTest embeddedInMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        return new MongoStoreUnderTest(server, client, "retro");
    }

    static MongoStoreUnderTest real(String uri) {
        return new MongoStoreUnderTest(null, MongoClients.create(uri), "retro_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    MongoDatabase database() {
        return database;
    }

    MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        if (server == null) {
            database.drop();
        }
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }
}
