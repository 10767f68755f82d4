package io.retro.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire-protocol server, persisted to one H2 MVStore file. It has no
 * transactions and uses only unique indexes. What it stores reaches the file when {@link #commit()}
 * is called, and otherwise within {@link #FLUSH_INTERVAL}; each commit holds every write command
 * whole or not at all ({@link IndexedH2Backend}), so that a process that dies leaves the file as it
 * was after some write command, never in the middle of one.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /**
     * H2's cache of the file's pages, on the heap, unless configured otherwise; H2's own default is
     * 16. At 64 the service under load grew its heap of 512 MB to the full and peaked above 768 MB
     * resident; at 32 it stayed below, and reading the history got faster.
     */
    public static final int DEFAULT_CACHE_MB = 32;
    /** How soon a change nobody commits reaches the file: H2's own background writer waited a second. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);
    /** How often chunks that are mostly dead are rewritten, as H2's background writer did. */
    static final Duration COMPACT_INTERVAL = Duration.ofSeconds(10);
    /** A chunk less live than this is rewritten; H2's default. */
    static final int TARGET_FILL_RATE = 90;
    /** At most this much is rewritten at once, since write commands wait meanwhile. */
    static final int COMPACT_WRITE_LIMIT = 4 << 20;

    private final Path file;
    private final IndexedH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-store-flush");
        thread.setDaemon(true);
        return thread;
    });

    private EmbeddedMongoServer(Path file, IndexedH2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.address = address;
        flusher.scheduleWithFixedDelay(() -> quietly(this::flush), FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(() -> quietly(this::compact), COMPACT_INTERVAL.toMillis(), COMPACT_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public static EmbeddedMongoServer start(Path dataDir, String bindAddress, int port) {
        return start(dataDir, bindAddress, port, DEFAULT_CACHE_MB);
    }

    /**
     * @param cacheMb H2's cache of the file's pages, on the heap: an index lookup that misses it
     *     reads and deserializes pages from the file.
     */
    public static EmbeddedMongoServer start(Path dataDir, String bindAddress, int port, int cacheMb) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("retro.mv").toAbsolutePath();
        return start(storeBuilder(file.toString(), cacheMb).open(), bindAddress, port);
    }

    /**
     * The store as this server needs it: H2 never commits of its own accord, neither from its
     * background writer nor when its write buffer fills, since its commits would not wait for the
     * write commands to finish.
     */
    static MVStore.Builder storeBuilder(String fileName, int cacheMb) {
        return new MVStore.Builder().fileName(fileName).cacheSize(cacheMb).autoCommitDisabled().autoCommitBufferSize(0);
    }

    /** Serves a store the caller opened from {@link #storeBuilder}, as a test does to look into it. */
    static EmbeddedMongoServer start(MVStore store, String bindAddress, int port) {
        IndexedH2Backend backend = new IndexedH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind(bindAddress, port);
        return new EmbeddedMongoServer(Path.of(store.getFileStore().getFileName()), backend, server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Writes every write command done so far to the file, and returns once it is there. */
    public void commit() {
        backend.commit();
    }

    private void flush() {
        if (backend.getMvStore().hasUnsavedChanges()) {
            backend.commit();
        }
    }

    /** Runs every {@link #COMPACT_INTERVAL}; called by tests to run it now. */
    void compact() {
        backend.compact(TARGET_FILL_RATE, COMPACT_WRITE_LIMIT);
    }

    private static void quietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A failed flush leaves the changes for the next one; the task must stay scheduled.
            log.warn("The embedded store could not write to its file; trying again", e);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        backend.close();
    }
}
