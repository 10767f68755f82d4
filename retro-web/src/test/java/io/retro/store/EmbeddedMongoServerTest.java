package io.retro.store;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.store.fs.Recorder;
import org.h2.store.fs.rec.FilePathRec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    /**
     * H2 stores changes of its own accord too and writes them to the file on a thread of its own. A
     * commit that comes after such a store has nothing left to store, but must still not return
     * before that write is done: an append acknowledged then would be lost if the process died.
     */
    @Test
    void commitWaitsForTheWriteOfWhatH2StoredByItself() throws Exception {
        HeldWrites file = HeldWrites.install();
        MVStore store = new MVStore.Builder().fileName("rec:" + dataDir.resolve("retro.mv")).open();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(store, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("retro").getCollection("events").insertOne(new Document("_id", 1L));
            server.commit();
            client.getDatabase("retro").getCollection("events").insertOne(new Document("_id", 2L));

            file.holdNextWrite();
            // What H2's background thread does: store the change now, write it on the writer thread.
            store.tryCommit();
            file.awaitHeldWrite();
            try {
                Future<Boolean> commit = caller.submit(() -> {
                    server.commit();
                    return file.heldWriteDone();
                });
                assertThatThrownBy(() -> commit.get(300, MILLISECONDS))
                        .as("the commit returned while the write of the second event was held back")
                        .isInstanceOf(TimeoutException.class);
                file.release();
                assertThat(commit.get(10, SECONDS)).as("the held write was done when the commit returned").isTrue();
            } finally {
                // Closing the store waits for its writer thread.
                file.release();
            }
        } finally {
            caller.shutdownNow();
            FilePathRec.setRecorder(null);
        }
    }

    /**
     * Holds back the next write to files named {@code rec:...} until released, from inside the
     * write: H2's recording file system reports each write to it as the write is done.
     */
    private static final class HeldWrites implements Recorder {

        private volatile boolean holdNext;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean heldWriteDone;

        static HeldWrites install() {
            HeldWrites writes = new HeldWrites();
            FilePathRec.register();
            FilePathRec.setRecorder(writes);
            return writes;
        }

        void holdNextWrite() {
            holdNext = true;
        }

        void awaitHeldWrite() throws InterruptedException {
            assertThat(held.await(10, SECONDS)).as("H2 began to write").isTrue();
        }

        void release() {
            released.countDown();
        }

        boolean heldWriteDone() {
            return heldWriteDone;
        }

        @Override
        public void log(int operation, String fileName, byte[] data, long position) {
            if (operation != WRITE || !holdNext) {
                return;
            }
            holdNext = false;
            held.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heldWriteDone = true;
        }
    }
}
