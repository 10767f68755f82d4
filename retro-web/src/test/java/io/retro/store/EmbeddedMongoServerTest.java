package io.retro.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    /**
     * Writers store a document in one collection and then one in another, while commits follow each
     * other. The file, copied after each commit and opened as a process that died then would open
     * it, holds no more documents in the second collection than in the first, and as many index
     * entries in the first as documents. H2 alone takes a commit's maps one after another, and about
     * one copy in twenty held a second without its first, or a document without its index entry.
     */
    @Test
    void theFileHoldsEachWriteCommandWholeAndInTheOrderTheyRan() throws Exception {
        Path file = dataDir.resolve("retro.mv");
        Path copy = dataDir.resolve("copy.mv");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<String> split = new ArrayList<>();
        int copies = 300;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedMongoServer.storeBuilder(file.toString(), 16).open(),
                "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> first = client.getDatabase("retro").getCollection("first");
            MongoCollection<Document> second = client.getDatabase("retro").getCollection("second");
            first.insertOne(new Document("_id", 0L));
            second.insertOne(new Document("_id", 0L));
            server.commit();
            AtomicLong next = new AtomicLong();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(writers.submit(() -> {
                    while (writing.get()) {
                        long id = next.incrementAndGet();
                        first.insertOne(new Document("_id", id).append("text", "x".repeat(200)));
                        second.insertOne(new Document("_id", id));
                    }
                }));
            }
            for (int i = 0; i < copies; i++) {
                server.commit();
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                MVStore opened = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
                try {
                    // Sizes tell without reading the documents: each second follows its first.
                    long inFirst = IndexedH2Backend.documents(opened, "retro.first").sizeAsLong();
                    long inSecond = IndexedH2Backend.documents(opened, "retro.second").sizeAsLong();
                    long indexed = IndexedH2Backend.uniqueIndex(opened, "retro.first", "_id_").sizeAsLong();
                    if (inSecond > inFirst || indexed != inFirst) {
                        split.add("copy " + i + ": " + inSecond + " in the second, " + inFirst + " documents and " + indexed
                                + " index entries in the first");
                    }
                } finally {
                    opened.close();
                }
            }
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(10, TimeUnit.SECONDS);
            }
            assertThat(next.get()).as("documents written meanwhile").isGreaterThan(copies);
        } finally {
            writing.set(false);
            writers.shutdownNow();
        }
        assertThat(split).as("copies of the file that split write commands, of %d", copies).isEmpty();
    }

    @Test
    void aChangeNobodyCommitsReachesTheFileWithinTheFlushInterval() throws Exception {
        MVStore store = EmbeddedMongoServer.storeBuilder(dataDir.resolve("retro.mv").toString(), 16).open();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(store, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            server.commit();
            client.getDatabase("retro").getCollection("boards").insertOne(new Document("_id", "b1"));

            long deadline = System.nanoTime() + EmbeddedMongoServer.FLUSH_INTERVAL.multipliedBy(20).toNanos();
            while (store.hasUnsavedChanges() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(store.hasUnsavedChanges()).as("after %s", EmbeddedMongoServer.FLUSH_INTERVAL.multipliedBy(20)).isFalse();
        }
    }

    /**
     * One writer adds an item to a board and counts its revision up, in one update, again and again;
     * readers read the board meanwhile. Every board read has as many items as its revision says. The
     * server changed the stored document in place while readers' answers were still being encoded
     * from it, and a read model's batch written on such a read dropped another segment's changes.
     */
    @Test
    void aReaderNeverGetsADocumentHalfChanged() throws Exception {
        int updates = 2_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            boards.insertOne(new Document("_id", "b1").append("items", new Document()).append("_rev", 0));
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reads.add(readers.submit(() -> {
                    List<String> halfChanged = new ArrayList<>();
                    while (writing.get()) {
                        Document board = boards.find(Filters.eq("_id", "b1")).first();
                        int items = board.get("items", Document.class).size();
                        if (items != board.getInteger("_rev")) {
                            halfChanged.add(items + " items at revision " + board.getInteger("_rev"));
                        }
                    }
                    return halfChanged;
                }));
            }
            for (int i = 1; i <= updates; i++) {
                boards.updateOne(Filters.eq("_id", "b1"), new Document("$set", new Document("items.i" + i, i))
                        .append("$inc", new Document("_rev", 1)));
            }
            writing.set(false);
            List<String> halfChanged = new ArrayList<>();
            for (Future<List<String>> read : reads) {
                halfChanged.addAll(read.get());
            }
            assertThat(halfChanged).isEmpty();
        } finally {
            readers.shutdownNow();
        }
    }

    /** Chunks whose documents were mostly deleted are rewritten, as H2's background writer did. */
    @Test
    void compactionRewritesChunksThatAreMostlyDead() throws Exception {
        MVStore store = EmbeddedMongoServer.storeBuilder(dataDir.resolve("retro.mv").toString(), 16).open();
        store.setRetentionTime(0);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(store, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> boards = client.getDatabase("retro").getCollection("boards");
            for (int chunk = 0; chunk < 4; chunk++) {
                boards.insertMany(IntStream.range(chunk * 100, chunk * 100 + 100)
                        .mapToObj(i -> new Document("_id", i).append("text", "x".repeat(2_000))).toList());
                server.commit();
            }
            boards.deleteMany(Filters.in("_id", IntStream.range(0, 400).filter(i -> i % 10 != 0).boxed().toList()));
            server.commit();
            // H2 leaves the newest chunk as it is; writes go on after the deletes.
            boards.insertMany(IntStream.range(400, 500).mapToObj(i -> new Document("_id", i).append("text", "x".repeat(2_000))).toList());
            server.commit();

            server.compact();
            // H2 frees the chunks left dead over the next commits.
            for (int i = 0; i < 5; i++) {
                boards.insertOne(new Document("_id", "later-" + i));
                server.commit();
            }

            assertThat(store.getFileStore().getChunksFillRate()).as("percent of the chunks' space still live").isGreaterThan(50);
            assertThat(boards.countDocuments()).isEqualTo(145);
        }
    }
}
