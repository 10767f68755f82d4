package io.retro.eventstore;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Axon's storage-engine suite on a real MongoDB, a database of its own per test. Runs only where
 * {@code RETRO_TEST_MONGODB_URI} names one (for example {@code mongodb://localhost:27017}); elsewhere
 * every test is reported as skipped, with the reason.
 */
class RealMongoEngineTest extends SequencedMongoEngineContract {

    @Override
    MongoStoreUnderTest openStore() {
        String uri = System.getenv(MongoStoreUnderTest.REAL_MONGODB_URI);
        assumeTrue(uri != null && !uri.isBlank(),
                "Skipped: no real MongoDB; set " + MongoStoreUnderTest.REAL_MONGODB_URI + " to run these tests against one");
        return MongoStoreUnderTest.real(uri);
    }
}
