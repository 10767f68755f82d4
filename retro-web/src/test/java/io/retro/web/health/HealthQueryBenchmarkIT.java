package io.retro.web.health;

import io.retro.api.health.FindTeamsHealthQuery;
import io.retro.api.health.Granularity;
import io.retro.api.health.TeamHealthView;
import io.retro.projections.shared.ReadModels;
import io.retro.support.RetroIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Trend query latency for 100 teams with five years of fortnightly sprints each, tech debt, action
 * items and updates: one team over HTTP (all of it: security, read-after-write, JSON), and the whole
 * org through the query bus. The facts are written straight into the read models, which is what the
 * queries read; building them through commands would only make the run longer. Prints figures; run
 * with {@code mvn -B verify -pl retro-web -am -Dit.test=HealthQueryBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class HealthQueryBenchmarkIT extends RetroIntegrationTest {

    private static final int TEAMS = 100;
    private static final int SPRINTS = 130;

    @Autowired
    ReadModels readModels;

    @Autowired
    QueryGateway queryGateway;

    @Test
    void measuresTrendQueries() {
        String adminId = (String) asAdmin().get().uri("/api/v1/me").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        Random random = new Random(7);
        LocalDate today = LocalDate.now();
        List<String> teamIds = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            String teamId = UUID.randomUUID().toString();
            teamIds.add(teamId);
            readModels.named("teams").orElseThrow().forQueries("teams").insertOne(new Document("_id", teamId)
                    .append("name", "Bench " + t).append("members", new Document(adminId, "FACILITATOR")));
            readModels.named("health").orElseThrow().forQueries("health_teams").insertOne(facts(teamId, t, today, random));
        }

        String uri = "/api/v1/teams/" + teamIds.get(0) + "/health?granularity=%s&from=" + today.minusYears(5) + "&to=" + today;
        for (Granularity granularity : Granularity.values()) {
            long[] nanos = new long[200];
            for (int i = 0; i < 20; i++) {
                asAdmin().get().uri(String.format(uri, granularity)).exchange().expectStatus().isOk().expectBody().returnResult();
            }
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                asAdmin().get().uri(String.format(uri, granularity)).exchange().expectStatus().isOk().expectBody().returnResult();
                nanos[i] = System.nanoTime() - start;
            }
            print("one team, 5 years, " + granularity + ", HTTP", nanos);
        }

        long[] org = new long[50];
        for (int i = 0; i < org.length + 5; i++) {
            long start = System.nanoTime();
            List<TeamHealthView> views = queryGateway.query(
                    new FindTeamsHealthQuery(teamIds, today.minusYears(5), today, Granularity.QUARTER),
                    ResponseTypes.multipleInstancesOf(TeamHealthView.class)).join();
            if (views.size() != TEAMS) {
                throw new AssertionError("expected " + TEAMS + " teams, got " + views.size());
            }
            if (i >= 5) {
                org[i - 5] = System.nanoTime() - start;
            }
        }
        print("org of " + TEAMS + " teams, 5 years, QUARTER, query bus", org);
    }

    private static Document facts(String teamId, int t, LocalDate today, Random random) {
        Document sprints = new Document();
        Document actions = new Document();
        Document debt = new Document();
        Document updates = new Document();
        LocalDate end = today.minusDays(1);
        for (int s = SPRINTS - 1; s >= 0; s--) {
            LocalDate sprintEnd = end.minusWeeks(2L * s);
            int maintenance = random.nextInt(6);
            sprints.append(UUID.randomUUID().toString(), new Document("name", "Sprint " + (SPRINTS - s))
                    .append("start", sprintEnd.minusDays(11).toString()).append("end", sprintEnd.toString())
                    .append("mix", new Document("unit", "POINTS").append("feature", String.valueOf(10 - maintenance))
                            .append("maintenance", String.valueOf(maintenance)).append("techDebt", "1")
                            .append("bug", "1").append("process", "1")));
            for (int a = 0; a < 2; a++) {
                Document action = new Document("created", sprintEnd.toString()).append("due", sprintEnd.plusWeeks(2).toString());
                if (random.nextBoolean()) {
                    action.append("done", sprintEnd.plusDays(5).toString());
                }
                actions.append(UUID.randomUUID().toString(), action);
            }
            if (s % 2 == 0) {
                Document votes = new Document();
                for (int v = 0; v < random.nextInt(5); v++) {
                    votes.append(UUID.randomUUID().toString(), sprintEnd.toString());
                }
                Document item = new Document("opened", sprintEnd.toString()).append("votes", votes);
                if (random.nextInt(3) == 0) {
                    item.append("closed", sprintEnd.plusWeeks(6).toString()).append("resolved", true);
                }
                debt.append(UUID.randomUUID().toString(), item);
                updates.append(UUID.randomUUID().toString(), new Document("posted", sprintEnd.toString())
                        .append("acks", new Document("a", true).append("b", true)));
            }
        }
        return new Document("_id", teamId).append("name", "Bench " + t)
                .append("members", new Document("a", true).append("b", true).append("c", true).append("d", true))
                .append("bands", new Document("1", new Document("min", "0.2").append("max", "0.4")
                        .append("effectiveFrom", today.minusYears(6).toString()).append("agreedAt", "2020-01-01T00:00:00Z")))
                .append("sprints", sprints).append("actions", actions).append("debt", debt).append("updates", updates);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %-45s n=%d median=%.1f ms p95=%.1f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
    }
}
