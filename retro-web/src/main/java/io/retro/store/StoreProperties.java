package io.retro.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Retro keeps its data: a real MongoDB when {@code mongodbUri} is set, otherwise the embedded
 * server persisted under {@code dataDir}, reachable on loopback at {@code embeddedPort} (0 picks a
 * free port; set it so that a second node can share the embedded store), with a page cache of
 * {@code embeddedCacheMb} (64) on the heap.
 */
@ConfigurationProperties("retro.store")
public record StoreProperties(String mongodbUri, Path dataDir, int embeddedPort, String embeddedBindAddress, Integer embeddedCacheMb) {

    public StoreProperties {
        embeddedCacheMb = embeddedCacheMb == null ? EmbeddedMongoServer.DEFAULT_CACHE_MB : embeddedCacheMb;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embeddedBindAddress = embeddedBindAddress == null || embeddedBindAddress.isBlank() ? "127.0.0.1" : embeddedBindAddress;
    }

    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }
}
