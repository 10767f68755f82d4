package io.retro.web.techdebt;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class TechDebtApiIT extends RetroIntegrationTest {

    private String facilitator;
    private String pm;
    private String engineer;
    private String engineer2;
    private String outsider;
    private String teamId;

    @BeforeEach
    void team() {
        facilitator = newUser("Fiona");
        pm = newUser("Pat");
        engineer = newUser("Eve");
        engineer2 = newUser("Ed");
        outsider = newUser("Mallory");
        teamId = newTeam(facilitator, "Checkout");
        addMember(facilitator, teamId, pm, "PRODUCT_MANAGER");
        addMember(facilitator, teamId, engineer, "ENGINEER");
        addMember(facilitator, teamId, engineer2, "ENGINEER");
    }

    private String propose(String user, String title) {
        return idOf(as(user).post().uri("/api/v1/teams/{id}/tech-debt", teamId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "description", "It loses writes", "area", "checkout",
                        "estimate", "3 days", "impact", "HIGH"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec vote(String user, String itemId) {
        return as(user).post().uri("/api/v1/tech-debt/{id}/votes", itemId).exchange();
    }

    private WebTestClient.ResponseSpec move(String user, String itemId, String status, String note) {
        return as(user).post().uri("/api/v1/tech-debt/{id}/status", itemId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(note == null ? Map.of("status", status) : Map.of("status", status, "note", note))
                .exchange();
    }

    private List<Map> register(String query) {
        return as(engineer).get().uri("/api/v1/teams/" + teamId + "/tech-debt" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
    }

    @Test
    void anyMemberProposesAndTheRegisterShowsIt() {
        String itemId = propose(engineer, "Replace the legacy cache");
        as(pm).get().uri("/api/v1/teams/{id}/tech-debt", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(itemId)
                .jsonPath("$[0].title").isEqualTo("Replace the legacy cache")
                .jsonPath("$[0].area").isEqualTo("checkout")
                .jsonPath("$[0].impact").isEqualTo("HIGH")
                .jsonPath("$[0].estimate").isEqualTo("3 days")
                .jsonPath("$[0].status").isEqualTo("PROPOSED")
                .jsonPath("$[0].votes").isEqualTo(0)
                .jsonPath("$[0].engineerVotes").isEqualTo(0)
                .jsonPath("$[0].pmVotes").isEqualTo(0)
                .jsonPath("$[0].ageDays").isEqualTo(0);
        propose(pm, "Flaky checkout tests");
        propose(facilitator, "Upgrade the driver");
        assertThat(register("")).hasSize(3);
    }

    @Test
    void proposeAnswers201WithLocation() {
        as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Flaky tests", "impact", "LOW"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).matches("/api/v1/tech-debt/[0-9a-f-]{36}"));
    }

    @Test
    void outsidersMayNotProposeReadOrVote() {
        String itemId = propose(engineer, "Flaky tests");
        long before = eventCount();
        as(outsider).post().uri("/api/v1/teams/{id}/tech-debt", teamId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Mine", "impact", "LOW"))
                .exchange().expectStatus().isForbidden();
        as(outsider).get().uri("/api/v1/teams/{id}/tech-debt", teamId).exchange().expectStatus().isForbidden();
        vote(outsider, itemId).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        move(outsider, itemId, "ACCEPTED", null).expectStatus().isForbidden();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void votesAreCountedByTheVotersRole() {
        String itemId = propose(engineer, "Flaky tests");
        vote(engineer, itemId).expectStatus().isNoContent();
        vote(engineer2, itemId).expectStatus().isNoContent();
        vote(pm, itemId).expectStatus().isNoContent();
        vote(facilitator, itemId).expectStatus().isNoContent();

        as(engineer).get().uri("/api/v1/teams/{id}/tech-debt", teamId).exchange()
                .expectBody()
                .jsonPath("$[0].votes").isEqualTo(4)
                .jsonPath("$[0].engineerVotes").isEqualTo(2)
                .jsonPath("$[0].pmVotes").isEqualTo(1)
                .jsonPath("$[0].myVote").isEqualTo(true);
    }

    @Test
    void oneVotePerMemberARepeatIs409AndStoresNothing() {
        String itemId = propose(engineer, "Flaky tests");
        vote(engineer, itemId).expectStatus().isNoContent();
        long before = eventCountOf(itemId);
        vote(engineer, itemId).expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventCountOf(itemId)).isEqualTo(before);
        assertThat(register("").get(0).get("votes")).isEqualTo(1);
    }

    @Test
    void withdrawingAVoteLetsTheMemberVoteAgain() {
        String itemId = propose(engineer, "Flaky tests");
        vote(pm, itemId).expectStatus().isNoContent();
        as(pm).delete().uri("/api/v1/tech-debt/{id}/votes", itemId).exchange().expectStatus().isNoContent();
        assertThat(register("").get(0)).containsEntry("votes", 0).containsEntry("pmVotes", 0);

        long before = eventCountOf(itemId);
        as(pm).delete().uri("/api/v1/tech-debt/{id}/votes", itemId).exchange().expectStatus().isNoContent();
        assertThat(eventCountOf(itemId)).isEqualTo(before);

        vote(pm, itemId).expectStatus().isNoContent();
        assertThat(register("").get(0)).containsEntry("votes", 1).containsEntry("pmVotes", 1);
    }

    @Test
    void facilitatorAndProductManagerMoveItemsAlongTheLifecycle() {
        String itemId = propose(engineer, "Flaky tests");
        move(facilitator, itemId, "ACCEPTED", "Worth it").expectStatus().isNoContent();
        move(pm, itemId, "SCHEDULED", "Sprint 14").expectStatus().isNoContent();
        vote(engineer, itemId).expectStatus().isNoContent();
        move(facilitator, itemId, "RESOLVED", null).expectStatus().isNoContent();

        as(engineer).get().uri("/api/v1/teams/{id}/tech-debt", teamId).exchange()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("RESOLVED")
                .jsonPath("$[0].history.length()").isEqualTo(3)
                .jsonPath("$[0].history[0].note").isEqualTo("Worth it")
                .jsonPath("$[0].history[1].to").isEqualTo("SCHEDULED");
    }

    @Test
    void engineersMayNotChangeTheStatus() {
        String itemId = propose(engineer, "Flaky tests");
        long before = eventCountOf(itemId);
        move(engineer, itemId, "ACCEPTED", "I like it").expectStatus().isForbidden();
        assertThat(eventCountOf(itemId)).isEqualTo(before);
    }

    @Test
    void transitionsOutsideTheLifecycleAre409AndStoreNothing() {
        String itemId = propose(engineer, "Flaky tests");
        long before = eventCountOf(itemId);
        move(facilitator, itemId, "SCHEDULED", null).expectStatus().isEqualTo(409);
        move(facilitator, itemId, "RESOLVED", null).expectStatus().isEqualTo(409);
        move(facilitator, itemId, "PROPOSED", null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventCountOf(itemId)).isEqualTo(before);

        move(pm, itemId, "REJECTED", "Not worth the risk").expectStatus().isNoContent();
        move(pm, itemId, "ACCEPTED", null).expectStatus().isEqualTo(409);
        move(pm, itemId, "REJECTED", "again").expectStatus().isEqualTo(409);
    }

    @Test
    void rejectionNeedsANote() {
        String itemId = propose(engineer, "Flaky tests");
        move(pm, itemId, "REJECTED", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        assertThat(register("").get(0).get("status")).isEqualTo("PROPOSED");
    }

    @Test
    void votesAreRefusedOnClosedItems() {
        String resolved = propose(engineer, "Resolved one");
        move(facilitator, resolved, "ACCEPTED", null).expectStatus().isNoContent();
        move(facilitator, resolved, "SCHEDULED", null).expectStatus().isNoContent();
        vote(engineer, resolved).expectStatus().isNoContent();
        move(facilitator, resolved, "RESOLVED", null).expectStatus().isNoContent();
        String rejected = propose(engineer, "Rejected one");
        move(facilitator, rejected, "REJECTED", "Duplicate").expectStatus().isNoContent();
        long before = eventCount();

        vote(engineer2, resolved).expectStatus().isEqualTo(409);
        vote(engineer2, rejected).expectStatus().isEqualTo(409);
        as(engineer).delete().uri("/api/v1/tech-debt/{id}/votes", resolved).exchange().expectStatus().isEqualTo(409);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void votesAreAllowedWhileAcceptedOrScheduled() {
        String itemId = propose(engineer, "Flaky tests");
        move(facilitator, itemId, "ACCEPTED", null).expectStatus().isNoContent();
        vote(engineer, itemId).expectStatus().isNoContent();
        move(facilitator, itemId, "SCHEDULED", null).expectStatus().isNoContent();
        vote(pm, itemId).expectStatus().isNoContent();
        assertThat(register("").get(0).get("votes")).isEqualTo(2);
    }

    @Test
    void registerRanksByVotesAndFiltersByStatus() {
        String one = propose(engineer, "One vote");
        String three = propose(engineer, "Three votes");
        String none = propose(engineer, "No votes");
        String two = propose(engineer, "Two votes");
        vote(engineer, one).expectStatus().isNoContent();
        for (String user : List.of(engineer, engineer2, pm)) {
            vote(user, three).expectStatus().isNoContent();
        }
        vote(engineer, two).expectStatus().isNoContent();
        vote(pm, two).expectStatus().isNoContent();
        move(facilitator, two, "ACCEPTED", null).expectStatus().isNoContent();

        assertThat(register("?sort=votes")).extracting(item -> item.get("id")).containsExactly(three, two, one, none);
        assertThat(register("")).extracting(item -> item.get("id")).containsExactly(two, none, three, one);
        assertThat(register("?status=PROPOSED&sort=votes")).extracting(item -> item.get("id")).containsExactly(three, one, none);
        assertThat(register("?status=ACCEPTED")).extracting(item -> item.get("id")).containsExactly(two);
        assertThat(register("?status=RESOLVED")).isEmpty();
    }

    @Test
    void unknownStatusOrSortIs400() {
        as(engineer).get().uri("/api/v1/teams/{id}/tech-debt?status=DONE", teamId).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        as(engineer).get().uri("/api/v1/teams/{id}/tech-debt?sort=age", teamId).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
    }

    @Test
    void unknownTeamOrItemIs404() {
        String unknown = UUID.randomUUID().toString();
        as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", unknown)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Mine", "impact", "LOW"))
                .exchange().expectStatus().isNotFound();
        as(engineer).get().uri("/api/v1/teams/{id}/tech-debt", unknown).exchange().expectStatus().isNotFound();
        vote(engineer, unknown).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(engineer).delete().uri("/api/v1/tech-debt/{id}/votes", unknown).exchange().expectStatus().isNotFound();
        move(facilitator, unknown, "ACCEPTED", null).expectStatus().isNotFound();
    }

    @Test
    void invalidProposalsAre400WithFieldsAndStoreNothing() {
        long before = eventCount();
        List<Map<String, Object>> bodies = List.of(
                Map.of("title", "  ", "impact", "LOW"),
                Map.of("title", "x".repeat(201), "impact", "LOW"),
                Map.of("title", "Flaky", "impact", "LOW", "description", "x".repeat(4001)),
                Map.of("title", "Flaky", "impact", "LOW", "area", "x".repeat(201)),
                Map.of("title", "Flaky"));
        List<String> fields = List.of("title", "title", "description", "area", "impact");
        for (int i = 0; i < bodies.size(); i++) {
            as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bodies.get(i))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(fields.get(i));
        }
        as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Flaky", "impact", "HUGE"))
                .exchange().expectStatus().isBadRequest();
        assertThat(eventCount()).isEqualTo(before);
        assertThat(register("")).isEmpty();
    }

    @Test
    void unknownStatusInAChangeIs400() {
        String itemId = propose(engineer, "Flaky tests");
        long before = eventCountOf(itemId);
        move(facilitator, itemId, "DONE", null).expectStatus().isBadRequest();
        as(facilitator).post().uri("/api/v1/tech-debt/{id}/status", itemId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "no status"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        assertThat(eventCountOf(itemId)).isEqualTo(before);
    }
}
