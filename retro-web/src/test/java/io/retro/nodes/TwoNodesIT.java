package io.retro.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retro.store.EmbeddedMongoServer;
import io.retro.support.ServiceApi;
import io.retro.support.ServiceNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one store, as behind a load balancer: the store here is an embedded server of the
 * test's own, so that either node can die without taking the store with it. Node A starts first
 * and claims every processor segment; node B holds none until A is gone.
 */
class TwoNodesIT {

    @TempDir
    Path folder;

    private volatile boolean nodeAlive = true;

    @Test
    void bothNodesServeOneRetroAndTheSurvivorTakesOverTheKilledNodesWork() throws Exception {
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(folder.resolve("store"), "127.0.0.1", 0)) {
            Map<String, String> environment = Map.of(
                    "RETRO_MONGODB_URI", store.connectionString() + "/retro",
                    "RETRO_ADMIN_PASSWORD", RetroOnNodes.ADMIN_PASSWORD);
            ServiceNode a = ServiceNode.start(ServiceNode.jar(), environment, folder.resolve("a.log"));
            try (ServiceNode b = ServiceNode.start(ServiceNode.jar(), environment, folder.resolve("b.log"))) {
                RetroOnNodes retro = RetroOnNodes.create(a.port(), 4);
                ServiceApi memberOnA = retro.members().get(1).on(a.port());
                ServiceApi memberOnB = retro.members().get(1).on(b.port());

                // Read-your-writes on B, whose reads rely on the tokens A stores for its segments.
                String onB = memberOnB.id(memberOnB.post("/api/v1/retros/" + retro.retroId() + "/items", item("Added through B"), 201));
                assertThat(retro.itemIds(b.port())).contains(onB);

                // A stream opened on B shows changes made through A.
                try (StreamedLines streamedOnB = StreamedLines.open(memberOnB, retro.retroId())) {
                    for (int i = 0; i < 5; i++) {
                        memberOnA.post("/api/v1/retros/" + retro.retroId() + "/items", item("Added through A " + i), 201);
                    }
                    awaitCount(streamedOnB.lines(), "RetroItemAddedEvent", 5, Duration.ofSeconds(15));
                }

                // Both nodes take commands for the same retro; then A is killed and its clients move to B.
                Set<String> acknowledged;
                try (ItemLoad load = new ItemLoad(4,
                        client -> retro.members().get(client).on(client % 2 == 0 && nodeAlive ? a.port() : b.port()),
                        retro.retroId())) {
                    load.awaitAcknowledged(40, Duration.ofSeconds(60));
                    a.kill();
                    nodeAlive = false;
                    int atKill = load.acknowledged().size();
                    load.awaitAcknowledged(atKill + 40, Duration.ofSeconds(60));
                    load.close();
                    acknowledged = load.acknowledged();
                }

                // B claims A's segments once A's claims time out, and its read models catch up.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                List<String> items = retro.itemIds(b.port());
                while (!items.containsAll(acknowledged) && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    items = retro.itemIds(b.port());
                }
                assertThat(items).as("every acknowledged item, on B").containsAll(acknowledged).contains(onB);
                assertThat(items).as("no item twice").doesNotHaveDuplicates();
                JsonNode report = new ServiceApi(b.port(), "admin", RetroOnNodes.ADMIN_PASSWORD).get("/api/v1/admin/consistency");
                assertThat(report.get("consistent").asBoolean()).as(report.toPrettyString()).isTrue();
            } finally {
                a.kill();
            }
        }
    }

    private static Map<String, Object> item(String text) {
        return Map.of("column", "START", "text", text, "category", "FEATURE", "anonymous", false);
    }

    /** The lines of a board stream as they arrive, from its opening comment on; closing it ends the stream. */
    private record StreamedLines(List<String> lines, Stream<String> body) implements AutoCloseable {

        static StreamedLines open(ServiceApi member, String retroId) throws Exception {
            Stream<String> body = ServiceApi.client().send(
                    member.request("/api/v1/retros/" + retroId + "/stream").header("Accept", "text/event-stream")
                            .timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofLines()).body();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            }, "board-stream");
            reader.setDaemon(true);
            reader.start();
            awaitCount(lines, "connected", 1, Duration.ofSeconds(15));
            return new StreamedLines(lines, body);
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private static void awaitCount(List<String> lines, String text, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().filter(line -> line.contains(text)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " lines with " + text + " within " + timeout + ", got " + lines);
            }
            Thread.sleep(20);
        }
    }
}
