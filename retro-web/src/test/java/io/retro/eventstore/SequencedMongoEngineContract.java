package io.retro.eventstore;

import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Axon's own storage-engine tests ({@code axon-eventsourcing} test jar) run against
 * {@link SequencedMongoEventStorageEngine}; subclasses say which MongoDB.
 *
 * <p>No inherited test is overridden: the engine passes Axon's suite as it stands.
 */
abstract class SequencedMongoEngineContract
        extends BatchingEventStorageEngineTest<SequencedMongoEventStorageEngine, SequencedMongoEventStorageEngine.Builder> {

    private MongoStoreUnderTest store;

    abstract MongoStoreUnderTest openStore();

    @BeforeEach
    void createEngineOnFreshStore() {
        store = openStore();
        setTestSubject(createEngine());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected SequencedMongoEventStorageEngine createEngine(UnaryOperator<SequencedMongoEventStorageEngine.Builder> customization) {
        SequencedMongoEventStorageEngine.Builder builder = SequencedMongoEventStorageEngine.builder()
                .database(store.database())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer());
        return customization.apply(builder).build();
    }
}
