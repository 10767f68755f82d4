package io.retro.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The in-process MongoDB wire-protocol server, persisted to one H2 MVStore file. It has no
 * transactions, uses only unique indexes, and writes to disk in the background unless asked to
 * {@link #commit()}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final Path file;
    private final MVStore store;
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(Path file, MVStore store, H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.store = store;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** H2's cache of the file's pages, on the heap, unless configured otherwise; H2's own default is 16. */
    public static final int DEFAULT_CACHE_MB = 64;

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
        return start(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open(), bindAddress, port);
    }

    /** Serves a store the caller opened: a test opens one whose writes to the file it can hold back. */
    static EmbeddedMongoServer start(MVStore store, String bindAddress, int port) {
        H2Backend backend = new IndexedH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind(bindAddress, port);
        return new EmbeddedMongoServer(Path.of(store.getFileStore().getFileName()), store, backend, server, server.getLocalAddress());
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

    /**
     * Writes everything stored so far to the file. H2 also stores changes of its own accord, from
     * its background thread or once enough are pending, and hands them to a writer thread; a commit
     * that finds them stored already returns at once, while they may not be in the file yet. So the
     * commit then waits for the writes H2 still has pending.
     */
    public void commit() {
        backend.commit();
        store.executeFilestoreOperation(() -> {});
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
