package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Guards that aggregate loads and a caught-up processor's fetches are key lookups on the embedded
 * store (H2 backend): at 100k events they stay within twice their time at 10k. A full scan would
 * take about ten times as long. Times are compared within one run, never against fixed figures.
 */
class FlatReadsAsHistoryGrowsTest {

    private static final int RUNS = 100;
    private static final int ROUNDS = 3;

    @Test
    void aggregateLoadsAndTrackingFetchesDoNotSlowDownWithHistory() {
        try (Store small = new Store(10_000); Store large = new Store(100_000)) {
            // Rounds alternate between the stores and the best round counts, so that load from
            // other work on the machine does not tip the comparison either way.
            ScaleProbe.Figures bestSmall = null;
            ScaleProbe.Figures bestLarge = null;
            for (int round = 0; round < ROUNDS; round++) {
                bestSmall = ScaleProbe.Figures.best(bestSmall, ScaleProbe.measure(small.engine, small.history, RUNS));
                bestLarge = ScaleProbe.Figures.best(bestLarge, ScaleProbe.measure(large.engine, large.history, RUNS));
            }
            System.out.println(ScaleProbe.Figures.header());
            System.out.println(bestSmall.row());
            System.out.println(bestLarge.row());

            assertThat(bestLarge.aggregateLoad()).as("aggregate load ms at 100k vs 10k").isLessThan(2 * bestSmall.aggregateLoad());
            assertThat(bestLarge.nextBatch()).as("next batch ms at 100k vs 10k").isLessThan(2 * bestSmall.nextBatch());
            assertThat(bestLarge.caughtUpPoll()).as("caught-up poll ms at 100k vs 10k").isLessThan(2 * bestSmall.caughtUpPoll());
        }
    }

    /** An embedded server on the H2 backend, in memory, holding a history of the given size. */
    private static final class Store implements AutoCloseable {

        private final MongoServer server = new MongoServer(H2Backend.inMemory());
        private final MongoClient client;
        private final SequencedMongoEventStorageEngine engine;
        private final History history;

        Store(long events) {
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            var database = client.getDatabase("retro");
            engine = SequencedMongoEventStorageEngine.builder()
                    .database(database)
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .build();
            history = new History(database).growTo(events);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
