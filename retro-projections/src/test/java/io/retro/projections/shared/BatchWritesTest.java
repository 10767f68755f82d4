package io.retro.projections.shared;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchWritesTest {

    private MongoServer server;
    private MongoClient client;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private ReadModel readModel;
    private ReadModelDocuments boards;
    private MongoCollection<Document> stored;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
        readModel = new ReadModels(client.getDatabase("test")).define("boards", List.of("boards"));
        boards = readModel.documents("boards");
        stored = readModel.forQueries("boards");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    /** Events 1..n of one retro: each adds an item and moves the version on, as the board does. */
    private void handleItems(int from, int to) {
        for (int sequence = from; sequence <= to; sequence++) {
            boards.updateWhere("retro", lt("version", (long) sequence), Changes.combine(
                    Changes.set("items.i" + sequence, new Document("votes", 0)), Changes.set("version", (long) sequence)));
        }
    }

    @Test
    void aBatchWritesEachDocumentOnceAndEndsWhereSingleWritesWould() throws Exception {
        boards.upsert("retro", Changes.set("version", 0L));
        handleItems(1, 5);
        Document written = stored.find(eq("_id", "retro")).first();
        stored.deleteMany(new Document());
        commands.clear();

        inBatch(40, 0, () -> {
            boards.upsert("retro", Changes.set("version", 0L));
            handleItems(1, 5);
        });

        assertThat(commands).containsExactly("find", "insert");
        // Revision and all: the batch counts each update that changed the document, as the store does.
        assertThat(written.get(BatchWrites.REVISION)).isEqualTo(6);
        assertThat(stored.find(eq("_id", "retro")).first()).isEqualTo(written);
    }

    @Test
    void aDocumentChangedByAnotherWriterMeanwhileIsReadAgainAndGetsTheBatchsUpdatesOnTop() throws Exception {
        boards.upsert("retro", Changes.set("version", 0L));
        commands.clear();

        inBatch(40, 20, () -> {
            handleItems(1, 3);
            // Another segment or node changes the same document before this batch ends.
            onAnotherThread(() -> boards.upsert("retro", Changes.set("carried.x", "DONE")));
        }, () -> boards.upsert("other", Changes.set("version", 0L)));

        // Read, the other writer's update, read "other"; then a replace that misses, a read, a replace that lands.
        assertThat(commands).containsExactly("find", "update", "find", "update", "find", "update", "insert");
        Document after = stored.find(eq("_id", "retro")).first();
        assertThat(after.get("carried", Document.class)).containsEntry("x", "DONE");
        assertThat(after.get("items", Document.class)).containsOnlyKeys("i1", "i2", "i3");
        assertThat(after.get("version")).isEqualTo(3L);
    }

    @Test
    void theOnlyWriterEndsWhereABatchWould() throws Exception {
        inBatch(40, 0, () -> {
            boards.upsert("retro", Changes.set("version", 0L));
            handleItems(1, 5);
        });
        Document batched = stored.find(eq("_id", "retro")).first();
        stored.deleteMany(new Document());

        BatchWrites.OnlyWriter writer = new BatchWrites.OnlyWriter();
        inBatchOf(writer, () -> {
            boards.upsert("retro", Changes.set("version", 0L));
            handleItems(1, 2);
        });
        inBatchOf(writer, () -> handleItems(3, 5));

        assertThat(stored.find(eq("_id", "retro")).first()).isEqualTo(batched);
    }

    @Test
    void theOnlyWriterLooksUpOnlyWhatItWroteAndWritesACollectionsDocumentsInOneRequest() {
        BatchWrites.OnlyWriter writer = new BatchWrites.OnlyWriter();
        inBatchOf(writer, () -> boards.upsert("retro-1", Changes.set("version", 0L)));
        commands.clear();

        inBatchOf(writer, () -> List.of("retro-1", "retro-2", "retro-3").forEach(retro -> boards.upsert(retro, Changes.set("phase", "VOTE"))));

        // Only the document it wrote before is read; the changed one is replaced, the two new ones inserted together.
        assertThat(commands).containsExactly("find", "update", "insert");
        assertThat(stored.find(eq("phase", "VOTE")).map(board -> board.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("retro-1", "retro-2", "retro-3");
    }

    @Test
    void theOnlyWriterFailsWhenAnotherChangedTheDocumentMeanwhileAndLeavesTheOthersChange() {
        BatchWrites.OnlyWriter writer = new BatchWrites.OnlyWriter();
        inBatchOf(writer, () -> boards.upsert("retro", Changes.set("version", 0L)));

        assertThatThrownBy(() -> inBatchOf(writer, () -> {
            handleItems(1, 3);
            onAnotherThread(() -> boards.upsert("retro", Changes.set("carried.x", "DONE")));
        })).isInstanceOf(ConcurrentModificationException.class);

        Document after = stored.find(eq("_id", "retro")).first();
        assertThat(after.get("carried", Document.class)).containsEntry("x", "DONE");
        assertThat(after).doesNotContainKey("items");
        assertThat(after.get("version")).isEqualTo(0L);
    }

    @Test
    void theOnlyWriterFailsRatherThanOverwriteADocumentItDidNotWrite() {
        stored.insertOne(new Document("_id", "retro").append("phase", "REVIEW"));

        assertThatThrownBy(() -> inBatchOf(new BatchWrites.OnlyWriter(), () -> boards.upsert("retro", Changes.set("phase", "VOTE"))))
                .isInstanceOf(MongoBulkWriteException.class);

        assertThat(stored.find(eq("_id", "retro")).first().getString("phase")).isEqualTo("REVIEW");
    }

    @Test
    void aBatchThatClashesOnAnotherUniqueKeyFailsInsteadOfTryingAgain() {
        stored.createIndex(new Document("name", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        stored.insertOne(new Document("_id", "other").append("name", "x"));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                inBatch(40, 0, () -> boards.upsert("retro", Changes.set("name", "x")));
            } catch (Exception expected) {
                // the batch fails; it is handled again later
            }
        });

        assertThat(stored.countDocuments(eq("_id", "retro"))).isZero();
    }

    @Test
    void nothingReachesTheStoreBeforeTheBatchsLastEvent() throws Exception {
        inBatch(40, 10, () -> boards.upsert("retro", Changes.set("version", 0L)),
                () -> assertThat(stored.countDocuments()).isZero());

        assertThat(stored.countDocuments()).isEqualTo(1);
    }

    @Test
    void aShortBatchWritesAtOnce() throws Exception {
        inBatch(BatchWritesInterceptor.GATHERED_FROM - 1, 0, () -> boards.upsert("retro", Changes.set("version", 0L)),
                () -> assertThat(stored.countDocuments()).isEqualTo(1));
    }

    private static void onAnotherThread(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Handles a batch of the only writer, as a rebuild's replay does: {@code work}, then the flush. */
    private static void inBatchOf(BatchWrites.OnlyWriter writer, Runnable work) {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericEventMessage<>(0));
        try {
            BatchWrites writes = writer.begin(unitOfWork);
            work.run();
            writes.flush();
        } finally {
            unitOfWork.rollback();
        }
    }

    private void inBatch(int size, int atEvent, Runnable work) throws Exception {
        inBatch(size, atEvent, work, () -> {});
    }

    /**
     * Handles a batch of {@code size} events through the interceptor, as a processor does: {@code
     * work} while handling event {@code atEvent}, {@code then} while handling the next one.
     */
    private void inBatch(int size, int atEvent, Runnable work, Runnable then) throws Exception {
        List<EventMessage<?>> events = IntStream.range(0, size).<EventMessage<?>>mapToObj(GenericEventMessage::new).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        BatchWritesInterceptor interceptor = new BatchWritesInterceptor();
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor), message -> {
            int index = (Integer) message.getPayload();
            if (index == atEvent) {
                work.run();
            } else if (index == atEvent + 1) {
                then.run();
            }
            return null;
        }).proceed());
    }
}
