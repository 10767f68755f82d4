package io.retro.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retro.support.ServiceApi;
import io.retro.support.ServiceNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on its embedded default, killed with SIGKILL while clients add items, then started
 * again on the same data folder. An acknowledged command is on disk before its answer is sent.
 */
class KilledNodeIT {

    @TempDir
    Path folder;

    @Test
    void keepsEveryAcknowledgedItemExactlyOnceAndTakesWritesAfterRestart() throws Exception {
        Map<String, String> environment = Map.of(
                "RETRO_DATA_DIR", folder.resolve("data").toString(),
                "RETRO_ADMIN_PASSWORD", RetroOnNodes.ADMIN_PASSWORD);
        Path log = folder.resolve("service.log");
        RetroOnNodes retro;
        Set<String> acknowledged;
        ServiceNode node = ServiceNode.start(ServiceNode.jar(), environment, log);
        try {
            retro = RetroOnNodes.create(node.port(), 4);
            int port = node.port();
            try (ItemLoad load = new ItemLoad(8, client -> retro.members().get(client % 4).on(port), retro.retroId())) {
                load.awaitAcknowledged(60, Duration.ofSeconds(60));
                node.kill();
                load.close();
                acknowledged = load.acknowledged();
                assertThat(load.failures()).as("requests cut off by the kill").isPositive();
            }
        } finally {
            node.kill();
        }

        try (ServiceNode restarted = ServiceNode.start(ServiceNode.jar(), environment, log)) {
            List<String> items = retro.itemIds(restarted.port());
            // A read waits for the read models only boundedly; they catch up on what the kill cut off.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!items.containsAll(acknowledged) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                items = retro.itemIds(restarted.port());
            }
            assertThat(items).as("no item twice").doesNotHaveDuplicates();
            assertThat(items).as("every acknowledged item").containsAll(acknowledged);

            ServiceApi member = retro.members().get(1).on(restarted.port());
            String after = member.id(member.post("/api/v1/retros/" + retro.retroId() + "/items",
                    Map.of("column", "STOP", "text", "Written after the restart", "category", "PROCESS", "anonymous", false), 201));
            assertThat(retro.itemIds(restarted.port())).contains(after).doesNotHaveDuplicates();

            JsonNode report = new ServiceApi(restarted.port(), "admin", RetroOnNodes.ADMIN_PASSWORD).get("/api/v1/admin/consistency");
            assertThat(report.get("consistent").asBoolean()).as(report.toPrettyString()).isTrue();
        }
    }
}
