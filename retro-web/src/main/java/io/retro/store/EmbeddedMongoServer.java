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
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(Path file, H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
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
        H2Backend backend = new IndexedH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open());
        MongoServer server = new MongoServer(backend);
        server.bind(bindAddress, port);
        return new EmbeddedMongoServer(file, backend, server, server.getLocalAddress());
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

    /** Writes everything stored so far to disk. */
    public void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
