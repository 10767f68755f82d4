package io.retro.eventstore;

/** Axon's storage-engine suite on the embedded server, a fresh in-memory one per test. */
class EmbeddedStoreEngineTest extends SequencedMongoEngineContract {

    @Override
    MongoStoreUnderTest openStore() {
        return MongoStoreUnderTest.embeddedInMemory();
    }
}
