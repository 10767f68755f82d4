package io.retro.web.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TeamsApiIT extends RetroIntegrationTest {

    @Test
    void creatorBecomesFacilitatorAndSeesTheTeam() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "  Checkout  ");

        as(alice).get().uri("/api/v1/teams/{id}", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(teamId)
                .jsonPath("$.name").isEqualTo("Checkout")
                .jsonPath("$.members.length()").isEqualTo(1)
                .jsonPath("$.members[0].displayName").isEqualTo("Alice")
                .jsonPath("$.members[0].role").isEqualTo("FACILITATOR")
                .jsonPath("$.balanceTarget").doesNotExist();

        as(alice).get().uri("/api/v1/me").exchange()
                .expectBody()
                .jsonPath("$.teams[0].teamId").isEqualTo(teamId)
                .jsonPath("$.teams[0].role").isEqualTo("FACILITATOR");
    }

    @Test
    void createAnswers201WithLocation() {
        String alice = newUser("Alice");
        as(alice).post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Search"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).matches("/api/v1/teams/[0-9a-f-]{36}"));
    }

    @Test
    void listShowsOnlyMyTeamsButAdminSeesAll() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String alicesTeam = newTeam(alice, "Alice's team");
        String bobsTeam = newTeam(bob, "Bob's team");

        List<String> alicesIds = as(alice).get().uri("/api/v1/teams").exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(t -> (String) t.get("id")).toList();
        assertThat(alicesIds).containsExactly(alicesTeam);

        List<String> adminIds = asAdmin().get().uri("/api/v1/teams").exchange()
                .expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(t -> (String) t.get("id")).toList();
        assertThat(adminIds).contains(alicesTeam, bobsTeam);
    }

    @Test
    void facilitatorAddsMembersWithRoles() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String pat = newUser("Pat");
        String teamId = newTeam(alice, "Checkout");

        addMember(alice, teamId, bob, "ENGINEER");
        addMember(alice, teamId, pat, "PRODUCT_MANAGER");

        as(bob).get().uri("/api/v1/teams/{id}", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.members.length()").isEqualTo(3)
                .jsonPath("$.members[?(@.displayName == 'Bob')].role").isEqualTo("ENGINEER")
                .jsonPath("$.members[?(@.displayName == 'Pat')].role").isEqualTo("PRODUCT_MANAGER");
    }

    @Test
    void engineerMayNotAddMembersAndNothingIsStored() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String carol = newUser("Carol");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        long before = eventCountOf(teamId);

        as(bob).post().uri("/api/v1/teams/{id}/members", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", carol, "role", "ENGINEER"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isNotEmpty();

        assertThat(eventCountOf(teamId)).isEqualTo(before);
    }

    @Test
    void outsidersMayNotReadATeam() {
        String alice = newUser("Alice");
        String mallory = newUser("Mallory");
        String teamId = newTeam(alice, "Checkout");

        as(mallory).get().uri("/api/v1/teams/{id}", teamId).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        asAdmin().get().uri("/api/v1/teams/{id}", teamId).exchange().expectStatus().isOk();
    }

    @Test
    void unknownTeamIs404() {
        String alice = newUser("Alice");
        String unknown = UUID.randomUUID().toString();
        as(alice).get().uri("/api/v1/teams/{id}", unknown).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(alice).post().uri("/api/v1/teams/{id}/members", unknown).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", alice, "role", "ENGINEER"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void unknownUsernameIsAFieldError() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        as(alice).post().uri("/api/v1/teams/{id}/members", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "nobody-" + UUID.randomUUID(), "role", "ENGINEER"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
    }

    @Test
    void unknownRoleIsRejected() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        as(alice).post().uri("/api/v1/teams/{id}/members", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", bob, "role", "CEO"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void teamNameLimitsCountAfterTrimming() {
        String alice = newUser("Alice");
        as(alice).post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "   "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        as(alice).post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x".repeat(201)))
                .exchange()
                .expectStatus().isBadRequest();
        as(alice).post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "  " + "x".repeat(200) + "  "))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void malformedAndHostileBodiesAre400AndStoreNothing() {
        String alice = newUser("Alice");
        long before = eventCount();
        for (String body : List.of("{", "[]", "{\"name\": {\"$gt\": \"\"}}", "{\"name\": 42.5e999}", "null")) {
            as(alice).post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void oversizedBodyIs413() {
        String alice = newUser("Alice");
        as(alice).post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + "x".repeat(300_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void balanceTargetHistoryAndBandInForceToday() {
        String alice = newUser("Alice");
        String pat = newUser("Pat");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, pat, "PRODUCT_MANAGER");
        LocalDate today = LocalDate.now();

        putBand(alice, teamId, Map.of("maintenanceMin", 0.1, "maintenanceMax", 0.3, "rationale", "launch",
                "effectiveFrom", today.minusMonths(6).toString()));
        putBand(pat, teamId, Map.of("maintenanceMin", 0.2, "maintenanceMax", 0.4, "rationale", "stabilise",
                "effectiveFrom", today.minusDays(1).toString()));
        putBand(alice, teamId, Map.of("maintenanceMin", 0.3, "maintenanceMax", 0.5, "rationale", "next year",
                "effectiveFrom", today.plusMonths(2).toString()));

        as(alice).get().uri("/api/v1/teams/{id}", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.balanceTarget.maintenanceMin").isEqualTo(0.2)
                .jsonPath("$.balanceTarget.maintenanceMax").isEqualTo(0.4)
                .jsonPath("$.balanceTarget.rationale").isEqualTo("stabilise")
                .jsonPath("$.balanceTarget.effectiveFrom").isEqualTo(today.minusDays(1).toString())
                .jsonPath("$.balanceHistory.length()").isEqualTo(3)
                .jsonPath("$.balanceHistory[0].rationale").isEqualTo("launch")
                .jsonPath("$.balanceHistory[2].rationale").isEqualTo("next year");
    }

    @Test
    void balanceTargetDefaultsToToday() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        putBand(alice, teamId, Map.of("maintenanceMin", 0.2, "maintenanceMax", 0.4));
        as(alice).get().uri("/api/v1/teams/{id}", teamId).exchange()
                .expectBody().jsonPath("$.balanceTarget.effectiveFrom").isEqualTo(LocalDate.now().toString());
    }

    @Test
    void engineerMayNotSetBalanceTarget() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        as(bob).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maintenanceMin", 0.2, "maintenanceMax", 0.4))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void invalidBandIs400WithFieldAndStoresNothing() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        long before = eventCountOf(teamId);

        as(alice).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maintenanceMin", 0.5, "maintenanceMax", 0.4))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("maintenanceMin");
        as(alice).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maintenanceMin", 0.2, "maintenanceMax", 1.5))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("maintenanceMax");
        as(alice).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maintenanceMax", 0.4, "effectiveFrom", "2026-13-45"))
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(eventCountOf(teamId)).isEqualTo(before);
    }

    @Test
    void repeatedPostWithSameIdempotencyKeyCreatesOneTeam() {
        String alice = newUser("Alice");
        String key = UUID.randomUUID().toString();
        long before = eventCount();

        Map<?, ?> first = as(alice).post().uri("/api/v1/teams").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Once"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = as(alice).post().uri("/api/v1/teams").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Once"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/teams/" + idOf(first))
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(idOf(second)).isEqualTo(idOf(first));
        assertThat(eventCount()).isEqualTo(before + 2);
        long named = as(alice).get().uri("/api/v1/teams").exchange()
                .expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().filter(t -> "Once".equals(t.get("name"))).count();
        assertThat(named).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReusedWithAnotherBodyIsAConflict() {
        String alice = newUser("Alice");
        String key = UUID.randomUUID().toString();
        as(alice).post().uri("/api/v1/teams").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "First"))
                .exchange().expectStatus().isCreated();
        as(alice).post().uri("/api/v1/teams").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Second"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void idempotencyKeysAreScopedPerUser() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String key = UUID.randomUUID().toString();
        String alicesTeam = idOf(as(alice).post().uri("/api/v1/teams").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Same"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        String bobsTeam = idOf(as(bob).post().uri("/api/v1/teams").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Same"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(bobsTeam).isNotEqualTo(alicesTeam);
    }

    @Test
    void readAfterWriteSeesEveryCommandAtOnce() {
        String alice = newUser("Alice");
        for (int i = 0; i < 20; i++) {
            String teamId = newTeam(alice, "Team " + i);
            as(alice).get().uri("/api/v1/teams/{id}", teamId).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Team " + i);
        }
    }

    private void putBand(String user, String teamId, Map<String, Object> body) {
        as(user).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isNoContent();
    }
}
