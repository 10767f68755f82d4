package io.retro.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModels;
import io.retro.support.RetroIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static List<String> dump(ReadModel readModel) {
        return readModel.forQueries("teams").find().sort(new Document("_id", 1))
                .map(Document::toJson)
                .into(new ArrayList<>());
    }
}
