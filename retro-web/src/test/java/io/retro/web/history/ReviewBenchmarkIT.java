package io.retro.web.history;

import io.retro.eventstore.SequencedMongoEventStorageEngine;
import io.retro.projections.shared.ReadModels;
import io.retro.support.RetroIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Quarterly review build time for a team with three years of fortnightly sprints, made through the
 * REST API (items, votes, action items, tech debt, updates), against reading the same events
 * through the engine without folding them. Prints figures; run with {@code mvn -B verify -pl
 * retro-web -am -Dit.test=ReviewBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ReviewBenchmarkIT extends RetroIntegrationTest {

    private static final int SPRINTS = 78;

    @Autowired
    SequencedMongoEventStorageEngine engine;

    @Autowired
    ReadModels readModels;

    @Test
    void measuresTheQuarterlyReviewOfThreeYears() {
        String lead = newUser("Lena");
        String pm = newUser("Pia");
        String engineer = newUser("Ezra");
        String teamId = newTeam(lead, "Three years");
        addMember(lead, teamId, pm, "PRODUCT_MANAGER");
        addMember(lead, teamId, engineer, "ENGINEER");
        String engineerId = (String) as(engineer).get().uri("/api/v1/me").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        LocalDate end = LocalDate.now().minusDays(1);
        agreeBand(lead, teamId, 0.2, 0.4, end.minusYears(4).toString());
        long start = System.nanoTime();
        for (int s = SPRINTS - 1; s >= 0; s--) {
            LocalDate sprintEnd = end.minusWeeks(2L * s);
            String retroId = sprintWithWorkMix(lead, teamId, "Sprint " + (SPRINTS - s), sprintEnd.minusDays(11).toString(),
                    sprintEnd.toString(), 8, 1 + s % 3, s % 2, 1, 1);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                items.add(idOf(as(engineer).post().uri("/api/v1/retros/{id}/items", retroId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("column", i % 2 == 0 ? "STOP" : "CONTINUE", "text", "Item " + i,
                                "category", i % 3 == 0 ? "TECH_DEBT" : "FEATURE", "anonymous", false))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()));
            }
            phase(lead, retroId, "GROUP");
            phase(lead, retroId, "VOTE");
            for (String voter : List.of(lead, pm, engineer)) {
                as(voter).post().uri("/api/v1/retros/{r}/items/{i}/votes", retroId, items.get(s % items.size()))
                        .exchange().expectStatus().isNoContent();
            }
            phase(lead, retroId, "DISCUSS");
            as(lead).post().uri("/api/v1/retros/{id}/action-items", retroId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "Follow up " + s, "ownerId", engineerId, "dueDate", sprintEnd.plusWeeks(2).toString()))
                    .exchange().expectStatus().isCreated().expectBody().returnResult();
            if (s % 2 == 0) {
                String debtId = idOf(as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("title", "Debt " + s, "description", "d", "area", "a", "estimate", "1 day", "impact", "LOW"))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
                as(pm).post().uri("/api/v1/tech-debt/{id}/votes", debtId).exchange().expectStatus().isNoContent();
                String updateId = idOf(as(pm).post().uri("/api/v1/teams/{id}/product-updates", teamId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("title", "Update " + s, "body", "b", "metrics", List.of(), "customerVoices", List.of(), "goals", List.of()))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
                as(engineer).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange().expectStatus().isNoContent();
            }
        }
        System.out.printf("BENCH history of %d sprints written in %.1f s%n", SPRINTS, (System.nanoTime() - start) / 1e9);

        String quarter = end.getYear() + "-Q" + ((end.getMonthValue() - 1) / 3 + 1);
        long[] review = new long[30];
        for (int i = 0; i < review.length + 5; i++) {
            long t = System.nanoTime();
            as(lead).get().uri("/api/v1/teams/{id}/reviews/{q}", teamId, quarter).exchange().expectStatus().isOk()
                    .expectBody().returnResult();
            if (i >= 5) {
                review[i - 5] = System.nanoTime() - t;
            }
        }
        long events = 0;
        long[] reads = new long[30];
        for (int i = 0; i < reads.length; i++) {
            long t = System.nanoTime();
            events = readAll(teamId);
            reads[i] = System.nanoTime() - t;
        }
        print("quarterly review of 3 years, HTTP", review);
        print("the same team's " + events + " events read through the engine", reads);
    }

    private long readAll(String teamId) {
        var ids = new ArrayList<String>();
        ids.add(teamId);
        ids.addAll(readModels.named("team-aggregates").orElseThrow().forQueries("team_aggregates")
                .find(new Document("_id", teamId)).first().getList("aggregateIds", String.class));
        long count = 0;
        for (String id : ids) {
            count += engine.readEvents(id, 0).asStream().count();
        }
        return count;
    }

    private void phase(String user, String retroId, String phase) {
        as(user).post().uri("/api/v1/retros/{id}/phase", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phase", phase)).exchange().expectStatus().isNoContent();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %-55s n=%d median=%.1f ms p95=%.1f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
    }
}
