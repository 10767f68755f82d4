package io.retro.eventstore;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.retro.store.EmbeddedMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for the event store on the embedded default (H2 file backend), printed as tables, never
 * asserted: append throughput and p99 latency through the engine beside a raw driver insert of the
 * same documents, the cost of the durable commit with and without grouping, replay through the
 * engine beside a raw cursor scan, and aggregate loads and tracking fetches at 10k, 100k and 1M events.
 *
 * <p>Not part of the build: runs only when asked for, e.g.
 * {@code mvn -B -o test -pl retro-web -am -Dtest=EventStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dretro.benchmark=full}
 * ({@code quick}: fewer appends and 100k events for the replay; {@code replay}: only the replay, of
 * 1,000,000 events).
 */
class EventStoreBenchmark {

    private final boolean full = "full".equals(System.getProperty("retro.benchmark"));

    @TempDir
    Path folder;

    @Test
    @EnabledIfSystemProperty(named = "retro.benchmark", matches = "quick|full")
    void printFigures() throws Exception {
        int appends = full ? 4_000 : 1_000;
        StringBuilder report = new StringBuilder();
        report.append("\n## Appends, one event each (embedded H2 file store)\n\n")
                .append("| path | writers | events/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
        for (int writers : new int[] {1, 8}) {
            try (Bench bench = new Bench(folder.resolve("append-" + writers))) {
                // Warm-up: the first run on a fresh JVM and store would otherwise pay for compilation.
                bench.engineAppends("warm-up", writers, appends / 2, AppendDurability.NONE);
                bench.rawInserts("warm-up", writers, appends / 2);
                report.append(bench.engineAppends("engine, no commit", writers, appends, AppendDurability.NONE));
                report.append(bench.rawInserts("raw insertMany, same documents", writers, appends));
                report.append(bench.engineAppends("engine, commit after each append", writers, appends, bench.server::commit));
                report.append(bench.engineAppends("engine, GroupCommit", writers, appends, new GroupCommit(bench.server::commit)));
                report.append(String.format("| H2 file after these runs: %,d KB | | | | |%n", Files.size(bench.server.file()) / 1024));
            }
        }
        System.out.println(report);

        long replayed = full ? 1_000_000 : 100_000;
        try (Bench bench = new Bench(folder.resolve("history"))) {
            StringBuilder scale = new StringBuilder("\n## Reads as history grows (embedded H2 file store)\n\n")
                    .append(ScaleProbe.Figures.header()).append('\n');
            History history = new History(bench.database);
            for (long size : full ? new long[] {10_000, 100_000, 1_000_000} : new long[] {10_000, 100_000}) {
                long start = System.nanoTime();
                history.growTo(size);
                bench.server.commit();
                System.out.printf("loaded %,d events in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
                ScaleProbe.measure(bench.engine(100), history, 100);
                scale.append(ScaleProbe.measure(bench.engine(100), history, 200).row()).append('\n');
            }
            System.out.println(scale);

            StringBuilder replay = new StringBuilder(String.format("%n## Replay of %,d events%n%n", replayed))
                    .append("| path | events/s | seconds |\n|---|---:|---:|\n");
            replay.append(bench.rawScan(replayed));
            replay.append(bench.engineReplay(100, replayed));
            replay.append(bench.engineReplay(1_000, replayed));
            System.out.println(replay);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "retro.benchmark", matches = "replay")
    void printReplayOfAMillionEvents() {
        long size = 1_000_000;
        try (Bench bench = new Bench(folder.resolve("replay"))) {
            long start = System.nanoTime();
            new History(bench.database).growTo(size);
            bench.server.commit();
            System.out.printf("loaded %,d events in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
            StringBuilder replay = new StringBuilder(String.format("%n## Replay of %,d events%n%n", size))
                    .append("| path | events/s | seconds |\n|---|---:|---:|\n");
            replay.append(bench.rawLookups(1_000, size));
            replay.append(bench.engineReplay(1_000, size));
            replay.append(bench.engineReplay(100, size));
            replay.append(bench.rawScan(size));
            System.out.println(replay);
        }
    }

    /** One embedded server on an H2 file in its own folder. */
    private static final class Bench implements AutoCloseable {

        private final EmbeddedMongoServer server;
        private final MongoClient client;
        private final MongoDatabase database;
        private int run;

        Bench(Path dataDir) {
            server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
            client = MongoClients.create(server.connectionString());
            database = client.getDatabase("retro");
        }

        SequencedMongoEventStorageEngine engine(int batchSize) {
            return engine(batchSize, AppendDurability.NONE);
        }

        SequencedMongoEventStorageEngine engine(int batchSize, AppendDurability durability) {
            return SequencedMongoEventStorageEngine.builder()
                    .database(database)
                    .durability(durability)
                    .batchSize(batchSize)
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .build();
        }

        String engineAppends(String path, int writers, int appends, AppendDurability durability) throws Exception {
            SequencedMongoEventStorageEngine engine = engine(100, durability);
            String prefix = "run" + (run++) + "-";
            return timed(path, writers, appends, (writer, i) -> {
                engine.appendEvents(History.event(prefix + writer, i));
            });
        }

        String rawInserts(String path, int writers, int appends) throws Exception {
            MongoCollection<Document> raw = database.getCollection("raw_events_" + (run++));
            // The same unique indexes as the engine's collection, so only the engine's own work differs.
            raw.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), new IndexOptions().unique(true));
            raw.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            raw.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
            History documents = new History(database);
            AtomicLong sequence = new AtomicLong();
            List<List<Document>> prepared = new ArrayList<>();
            String prefix = UUID.randomUUID() + "-";
            for (int w = 0; w < writers; w++) {
                List<Document> mine = new ArrayList<>(appends / writers);
                for (int i = 0; i < appends / writers; i++) {
                    mine.add(documents.document(sequence.incrementAndGet(), prefix + w, i));
                }
                prepared.add(mine);
            }
            return timed(path, writers, appends, (writer, i) -> raw.insertMany(List.of(prepared.get(writer).get(i))));
        }

        interface Append {
            void run(int writer, int index) throws Exception;
        }

        private static String timed(String path, int writers, int appends, Append append) throws Exception {
            int perWriter = appends / writers;
            double[] latencies = new double[perWriter * writers];
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        long t = System.nanoTime();
                        append.run(writer, i);
                        latencies[writer * perWriter + i] = (System.nanoTime() - t) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            Arrays.sort(latencies);
            return String.format("| %s | %d | %,.0f | %.2f | %.2f |%n", path, writers, latencies.length / seconds,
                    latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)]);
        }

        /**
         * One cursor over the whole collection. On the H2 file backend a cursor that lives longer
         * than the store's chunk retention (45 s) can fail with "Chunk ... not found" once
         * background compaction moves what it reads; seen at 1M events. The failure is reported
         * as a row so the engine's figures still print.
         */
        String rawScan(long expected) {
            long start = System.nanoTime();
            long count = 0;
            try {
                for (Document ignored : database.getCollection(SequencedMongoEventStorageEngine.EVENTS).find().batchSize(1_000)) {
                    count++;
                }
            } catch (MongoException e) {
                return String.format("| raw cursor scan failed after %,d events and %.1f s: %s | | |%n",
                        count, (System.nanoTime() - start) / 1e9, e.getMessage().lines().findFirst().orElse(""));
            }
            return row("raw cursor scan of the collection", count, expected, start);
        }

        /**
         * The raw driver reading the collection as the engine does, by {@code _id} in batches: on
         * the embedded server a single cursor first gathers its whole result in memory, which at a
         * million events outlives the store's chunk retention.
         */
        String rawLookups(int batchSize, long expected) {
            MongoCollection<Document> events = database.getCollection(SequencedMongoEventStorageEngine.EVENTS);
            long start = System.nanoTime();
            long count = 0;
            for (long first = 1; first <= expected; first += batchSize) {
                List<Long> ids = LongStream.range(first, Math.min(first + batchSize, expected + 1)).boxed().toList();
                for (Document ignored : events.find(in("_id", ids))) {
                    count++;
                }
            }
            return row("raw driver, _id lookups in batches of " + batchSize, count, expected, start);
        }

        String engineReplay(int batchSize, long expected) {
            SequencedMongoEventStorageEngine engine = engine(batchSize);
            long start = System.nanoTime();
            long count;
            try (Stream<? extends EventMessage<?>> events = engine.readEvents(null, false)) {
                count = events.peek(EventMessage::getPayload).count();
            }
            return row("engine readEvents from the tail, batch " + batchSize + ", payloads deserialized", count, expected, start);
        }

        private static String row(String path, long count, long expected, long start) {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (count != expected) {
                throw new IllegalStateException(path + " read " + count + " events, expected " + expected);
            }
            return String.format("| %s | %,.0f | %.1f |%n", path, count / seconds, seconds);
        }

        @Override
        public void close() {
            client.close();
            server.close();
            try {
                Files.deleteIfExists(server.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
