package io.retro.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelContents;
import io.retro.projections.shared.ReadModels;
import io.retro.support.RetroIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class ProjectionRebuildIT extends RetroIntegrationTest {

    @Autowired
    ReadModels readModels;

    @Test
    void listsEveryReadModelForAdminOnly() {
        asAdmin().get().uri("/api/v1/admin/projections").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.name == 'teams')].replaying").isEqualTo(false)
                .jsonPath("$[?(@.name == 'teams')].progress").isEqualTo(1.0);
        String alice = newUser("Alice");
        as(alice).get().uri("/api/v1/admin/projections").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(alice).post().uri("/api/v1/admin/projections/teams/replay").exchange().expectStatus().isForbidden();
    }

    @Test
    void unknownReadModelIs404() {
        asAdmin().post().uri("/api/v1/admin/projections/no-such-model/replay").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rebuildKeepsAnsweringAndEndsIdenticalToTheLiveReadModel() throws InterruptedException {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        List<String> teams = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String teamId = newTeam(alice, "Rebuilt " + i);
            addMember(alice, teamId, bob, i % 2 == 0 ? "ENGINEER" : "PRODUCT_MANAGER");
            as(alice).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("maintenanceMin", 0.1, "maintenanceMax", 0.3 + i / 100.0, "effectiveFrom", "2026-01-01"))
                    .exchange().expectStatus().isNoContent();
            teams.add(teamId);
        }
        // A read waits for the read models to catch up; the snapshot below must see every command.
        as(alice).get().uri("/api/v1/teams/{id}", teams.get(teams.size() - 1)).exchange().expectStatus().isOk();
        ReadModel readModel = readModels.named("teams").orElseThrow();
        String liveCollection = readModel.forQueries("teams").getNamespace().getCollectionName();
        List<String> before = dump(readModel);

        asAdmin().post().uri("/api/v1/admin/projections/teams/replay").exchange().expectStatus().isAccepted();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean done = false;
        int reads = 0;
        while (!done && System.nanoTime() < deadline) {
            String teamId = teams.get(reads++ % teams.size());
            as(alice).get().uri("/api/v1/teams/{id}", teamId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(teamId);
            List<Map> statuses = asAdmin().get().uri("/api/v1/admin/projections").exchange()
                    .expectStatus().isOk()
                    .expectBodyList(Map.class).returnResult().getResponseBody();
            Map<?, ?> teamsStatus = statuses.stream().filter(s -> "teams".equals(s.get("name"))).findFirst().orElseThrow();
            assertThat(((Number) teamsStatus.get("progress")).doubleValue()).isBetween(0.0, 1.0);
            done = Boolean.FALSE.equals(teamsStatus.get("replaying"));
        }

        assertThat(done).as("rebuild finished").isTrue();
        assertThat(reads).isPositive();
        assertThat(readModel.forQueries("teams").getNamespace().getCollectionName()).isNotEqualTo(liveCollection);
        assertThat(dump(readModel)).containsExactlyElementsOf(before);
    }

    @Test
    void rebuildingEveryReadModelAtOnceUnderReadsLeavesEachIdentical() throws InterruptedException {
        EveryReadModel team = touchEveryReadModel("Everything rebuilt");
        String pm = team.pm();
        String teamId = team.teamId();
        String retroId = team.retroId();
        // A read waits for the read models to catch up; the snapshot below must see every command.
        as(pm).get().uri("/api/v1/teams/{id}", teamId).exchange().expectStatus().isOk();
        Map<String, Map<String, Map<String, String>>> before = new TreeMap<>();
        for (ReadModel readModel : readModels.all()) {
            before.put(readModel.name(), ReadModelContents.of(readModel));
        }

        for (String name : before.keySet()) {
            asAdmin().post().uri("/api/v1/admin/projections/{name}/replay", name).exchange().expectStatus().isAccepted();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        boolean done = false;
        while (!done && System.nanoTime() < deadline) {
            as(pm).get().uri("/api/v1/teams/{id}", teamId).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Everything rebuilt");
            as(pm).get().uri("/api/v1/retros/{id}", retroId).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.items.length()").isEqualTo(1);
            as(pm).get().uri("/api/v1/teams/{id}/tech-debt", teamId).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].votes").isEqualTo(1);
            as(pm).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].acknowledgedBy").isEqualTo(1);
            as(pm).get().uri("/api/v1/teams/{id}/health?granularity=SPRINT&from=2026-01-01&to=2026-01-31", teamId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.points[0].maintenanceShare").isEqualTo(0.2);
            List<Map> statuses = asAdmin().get().uri("/api/v1/admin/projections").exchange()
                    .expectStatus().isOk()
                    .expectBodyList(Map.class).returnResult().getResponseBody();
            done = statuses.stream().noneMatch(status -> Boolean.TRUE.equals(status.get("replaying")));
        }

        assertThat(done).as("every rebuild finished").isTrue();
        for (ReadModel readModel : readModels.all()) {
            assertThat(ReadModelContents.of(readModel)).as(readModel.name()).isEqualTo(before.get(readModel.name()));
        }
    }

    private static List<String> dump(ReadModel readModel) {
        return readModel.forQueries("teams").find().sort(new Document("_id", 1))
                .map(Document::toJson)
                .into(new ArrayList<>());
    }
}
