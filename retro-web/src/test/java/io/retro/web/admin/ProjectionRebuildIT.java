package io.retro.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.projections.shared.ReadModel;
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
        String lead = newUser("Fran");
        String pm = newUser("Paula");
        String engineer = newUser("Eve");
        String teamId = newTeam(lead, "Everything rebuilt");
        addMember(lead, teamId, pm, "PRODUCT_MANAGER");
        addMember(lead, teamId, engineer, "ENGINEER");
        agreeBand(lead, teamId, 0.2, 0.4, "2026-01-01");
        String retroId = sprintWithWorkMix(lead, teamId, "Sprint 1", "2026-01-05", "2026-01-16", 8, 1, 1, 0, 1);
        as(engineer).post().uri("/api/v1/retros/{id}/items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("column", "STOP", "text", "Flaky deploys", "category", "TECH_DEBT", "anonymous", true))
                .exchange().expectStatus().isCreated();
        String debtId = idOf(as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Replace the deploy script", "description", "It fails one time in five",
                        "area", "delivery", "estimate", "3 days", "impact", "HIGH"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        as(pm).post().uri("/api/v1/tech-debt/{id}/votes", debtId).exchange().expectStatus().isNoContent();
        String updateId = idOf(as(pm).post().uri("/api/v1/teams/{id}/product-updates", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "January", "body", "Churn is down.", "metrics", List.of(),
                        "customerVoices", List.of(), "goals", List.of()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        as(engineer).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange().expectStatus().isNoContent();
        // A read waits for the read models to catch up; the snapshot below must see every command.
        as(pm).get().uri("/api/v1/teams/{id}", teamId).exchange().expectStatus().isOk();
        Map<String, List<String>> before = new TreeMap<>();
        for (ReadModel readModel : readModels.all()) {
            before.put(readModel.name(), dumpAll(readModel));
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
            assertThat(dumpAll(readModel)).as(readModel.name()).containsExactlyElementsOf(before.get(readModel.name()));
        }
    }

    /**
     * Every document of the read model, fields in name order and lists of ids sorted: events of
     * different aggregates may be handled in another order during a rebuild, which changes the
     * order in which fields and set members (a team's tech-debt item ids) were added, not what a
     * document holds. Queries order their answers themselves.
     */
    private static List<String> dumpAll(ReadModel readModel) {
        List<String> documents = new ArrayList<>();
        for (String collection : readModel.collections()) {
            readModel.forQueries(collection).find().sort(new Document("_id", 1))
                    .map(document -> collection + " " + ((Document) canonical(document)).toJson())
                    .into(documents);
        }
        return documents;
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document sorted = new Document();
            new TreeMap<>(map).forEach((key, field) -> sorted.append((String) key, canonical(field)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> members = list.stream().map(ProjectionRebuildIT::canonical).toList();
            return members.stream().allMatch(String.class::isInstance)
                    ? members.stream().map(String.class::cast).sorted().toList()
                    : members;
        }
        return value;
    }

    private static List<String> dump(ReadModel readModel) {
        return readModel.forQueries("teams").find().sort(new Document("_id", 1))
                .map(Document::toJson)
                .into(new ArrayList<>());
    }
}
