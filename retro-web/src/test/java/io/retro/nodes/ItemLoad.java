package io.retro.nodes;

import io.retro.support.ServiceApi;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Clients adding items to one retro until stopped. It keeps the id of every item the service
 * acknowledged (201); a request that failed, or whose answer never came, may or may not be stored.
 */
final class ItemLoad implements AutoCloseable {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failed = new AtomicInteger();
    private final ExecutorService clients;
    private volatile boolean running = true;

    /** @param apiOf which API client number {@code i} uses now; asked again before each request */
    ItemLoad(int clientCount, IntFunction<ServiceApi> apiOf, String retroId) {
        clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            int client = i;
            clients.submit(() -> {
                int n = 0;
                while (running) {
                    try {
                        ServiceApi api = apiOf.apply(client);
                        acknowledged.add(api.id(api.post("/api/v1/retros/" + retroId + "/items",
                                Map.of("column", "START", "text", "Client " + client + " item " + n++, "category", "FEATURE",
                                        "anonymous", false), 201)));
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        pause(20);
                    }
                }
            });
        }
    }

    /** Waits until this many items in all were acknowledged. */
    void awaitAcknowledged(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + acknowledged.size() + " of " + count + " items acknowledged in " + timeout
                        + "; " + failed.get() + " requests failed");
            }
            pause(20);
        }
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int failures() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        clients.awaitTermination(90, TimeUnit.SECONDS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
