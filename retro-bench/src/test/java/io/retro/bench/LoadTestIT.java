package io.retro.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.retro.support.ServiceApi;
import io.retro.support.ServiceNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The load test: 50 members in 5 retros of one team, each acting about once a second for a fixed
 * time (60 s unless {@code -Dload.seconds}), first adding items, then, with the retros in VOTE,
 * casting and taking back votes. Loopback only; it stops by itself. It runs on one node as the
 * README starts it, then on two nodes on one store (the first node's embedded store, reached by
 * the second through {@code RETRO_EMBEDDED_PORT}), and runs the consistency check after each.
 *
 * <p>{@code mvn -B -pl retro-bench -am verify -Pbench -Dit.test=LoadTestIT -Dload=true}
 */
@EnabledIfSystemProperty(named = "load", matches = "true")
class LoadTestIT {

    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final String PASSWORD = "bench-password-1";
    private static final int MEMBERS = 50;
    private static final int RETROS = 5;

    private final Duration duration = Duration.ofSeconds(Long.getLong("load.seconds", 60));

    @Test
    void fiftyMembersInFiveRetrosOnOneNodeAndOnTwo() throws Exception {
        Path target = Path.of(System.getProperty("bench.results")).getParent();
        Results results = new Results();
        for (int nodes = 1; nodes <= 2; nodes++) {
            Path work = Files.createTempDirectory("retro-load-");
            int storePort = ServiceNode.freePort();
            // One node runs as the README starts it; for two, the first node's store listens on a given port.
            Map<String, String> first = new HashMap<>(Map.of(
                    "RETRO_DATA_DIR", work.resolve("data").toString(),
                    "RETRO_ADMIN_PASSWORD", ADMIN_PASSWORD));
            if (nodes == 2) {
                first.put("RETRO_EMBEDDED_PORT", Integer.toString(storePort));
            }
            Map<String, String> second = Map.of(
                    "RETRO_MONGODB_URI", "mongodb://127.0.0.1:" + storePort + "/retro",
                    "RETRO_ADMIN_PASSWORD", ADMIN_PASSWORD);
            List<ServiceNode> running = new ArrayList<>();
            try {
                running.add(ServiceNode.start(ServiceNode.jar(), first, target.resolve("load-node-a-" + nodes + ".log")));
                if (nodes == 2) {
                    running.add(ServiceNode.start(ServiceNode.jar(), second, target.resolve("load-node-b.log")));
                }
                run(running, results);
            } finally {
                for (int i = running.size() - 1; i >= 0; i--) {
                    running.get(i).close();
                }
            }
        }
        System.out.println("\n## Load test: " + MEMBERS + " members, " + RETROS + " retros, " + duration.toSeconds() + " s\n\n"
                + results.table());
        results.write(target.resolve("load-results.json"));
    }

    private void run(List<ServiceNode> nodes, Results results) throws Exception {
        int port = nodes.get(0).port();
        ServiceApi admin = new ServiceApi(port, "admin", ADMIN_PASSWORD);
        String lead = admin.newUser("lead", PASSWORD);
        ServiceApi facilitator = new ServiceApi(port, lead, PASSWORD);
        String teamId = facilitator.id(facilitator.post("/api/v1/teams", Map.of("name", "Load"), 201));
        List<String> usernames = new ArrayList<>(List.of(lead));
        for (int i = 1; i < MEMBERS; i++) {
            String username = admin.newUser("member" + i, PASSWORD);
            facilitator.post("/api/v1/teams/" + teamId + "/members", Map.of("username", username, "role", "ENGINEER"), 204);
            usernames.add(username);
        }
        List<String> retros = new ArrayList<>();
        for (int r = 0; r < RETROS; r++) {
            retros.add(facilitator.id(facilitator.post("/api/v1/teams/" + teamId + "/retros", Map.of("sprint", "Load " + r,
                    "sprintStart", LocalDate.of(2026, 1, 5).plusWeeks(2L * r).toString(),
                    "sprintEnd", LocalDate.of(2026, 1, 16).plusWeeks(2L * r).toString(),
                    "template", "START_STOP_CONTINUE", "votesPerMember", 5), 201)));
        }
        // Member m works in retro m % RETROS, through node m % nodes.
        List<ServiceApi> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(new ServiceApi(nodes.get(m % nodes.size()).port(), usernames.get(m), PASSWORD));
        }

        Duration half = duration.dividedBy(2);
        Phase adding = phase(members, half, (member, m, n) -> member.post("/api/v1/retros/" + retros.get(m % RETROS) + "/items",
                Map.of("column", "START", "text", "Member " + m + " item " + n, "category", n % 3 == 0 ? "TECH_DEBT" : "FEATURE",
                        "anonymous", n % 5 == 0), 201));
        List<String> firstItems = new ArrayList<>();
        for (String retroId : retros) {
            facilitator.post("/api/v1/retros/" + retroId + "/phase", Map.of("phase", "GROUP"), 204);
            facilitator.post("/api/v1/retros/" + retroId + "/phase", Map.of("phase", "VOTE"), 204);
            firstItems.add(facilitator.get("/api/v1/retros/" + retroId).get("items").get(0).get("id").asText());
        }
        Phase voting = phase(members, half, (member, m, n) -> {
            String votes = "/api/v1/retros/" + retros.get(m % RETROS) + "/items/" + firstItems.get(m % RETROS) + "/votes";
            if (n % 2 == 0) {
                member.post(votes, null, 204);
            } else {
                member.delete(votes, 204);
            }
        });

        String label = nodes.size() == 1 ? "one node" : "two nodes";
        report(results, "add item, " + label, adding);
        report(results, "vote or take back, " + label, voting);
        JsonNode report = admin.get("/api/v1/admin/consistency");
        int differing = 0;
        for (JsonNode readModel : report.get("readModels")) {
            differing += readModel.get("differing").asInt();
        }
        results.add("consistency check after the load, " + label + ": documents differing", differing, "documents", null, null, "0");
        assertTrue(report.get("consistent").asBoolean(), report.toPrettyString());
    }

    private static void report(Results results, String metric, Phase phase) {
        results.add(metric, phase.perSecond(), "commands/s", null, null, null);
        results.add(metric + ", p50", phase.percentile(50), "ms", null, null, null);
        results.add(metric + ", p99", phase.percentile(99), "ms", null, null, null);
        results.add(metric + ", failed", phase.failed(), "requests", null, null, "0");
    }

    interface Action {
        void run(ServiceApi member, int memberIndex, int count);
    }

    record Phase(int completed, int failed, double seconds, double[] sortedMillis) {

        double perSecond() {
            return completed / seconds;
        }

        double percentile(int p) {
            return RetroBenchIT.percentile(sortedMillis, p);
        }
    }

    /** Every member acts about once a second (think time 0.5 to 1.5 s) until the time is up. */
    private static Phase phase(List<ServiceApi> members, Duration length, Action action) throws InterruptedException {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int m = 0; m < members.size(); m++) {
            int member = m;
            pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    sleep(ThreadLocalRandom.current().nextLong(500, 1500));
                    long t = System.nanoTime();
                    try {
                        action.run(members.get(member), member, n++);
                        latencies.add((System.nanoTime() - t) / 1e6);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(latencies.size(), failed.get(), seconds, latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
