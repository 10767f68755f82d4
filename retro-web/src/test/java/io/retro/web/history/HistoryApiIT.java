package io.retro.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.projections.history.Quarter;
import io.retro.support.RetroIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A team with two sprints in 2025-Q4 and two in 2026-Q1, and a band that changes on 1 February
 * 2026. Hand-computed: sprint shares 20%, 10% | 40%, 50%; Q4 3 of 20 = 15%, Q1 9 of 20 = 45%.
 */
class HistoryApiIT extends RetroIntegrationTest {

    private String lead;
    private String engineer;
    private String teamId;
    private String sprint3;

    @BeforeEach
    void teamOverTwoQuarters() {
        lead = newUser("Lena");
        engineer = newUser("Ezra");
        teamId = newTeam(lead, "History");
        addMember(lead, teamId, engineer, "ENGINEER");
        agreeBand(lead, teamId, 0.2, 0.4, "2025-10-01");
        as(lead).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maintenanceMin", 0.3, "maintenanceMax", 0.5, "rationale", "More maintenance after the outage",
                        "effectiveFrom", "2026-02-01"))
                .exchange().expectStatus().isNoContent();
        sprintWithWorkMix(lead, teamId, "Sprint 1", "2025-11-03", "2025-11-14", 8, 1, 1, 0, 1);
        sprintWithWorkMix(lead, teamId, "Sprint 2", "2025-12-01", "2025-12-12", 9, 1, 0, 0, 0);
        sprint3 = sprintWithWorkMix(lead, teamId, "Sprint 3", "2026-01-05", "2026-01-16", 6, 2, 2, 0, 0);
        sprintWithWorkMix(lead, teamId, "Sprint 4", "2026-02-02", "2026-02-13", 5, 3, 1, 1, 2);
    }

    @Test
    void quarterlyReviewSetsTheQuarterBesideThePreviousOne() {
        String flaky = addItem(sprint3, "STOP", "Flaky deploys", "TECH_DEBT");
        addItem(sprint3, "STOP", "Slow builds", "TECH_DEBT");
        addItem(sprint3, "CONTINUE", "Search shipped", "FEATURE");
        phase(sprint3, "GROUP");
        phase(sprint3, "VOTE");
        as(engineer).post().uri("/api/v1/retros/{r}/items/{i}/votes", sprint3, flaky).exchange().expectStatus().isNoContent();
        as(lead).post().uri("/api/v1/retros/{r}/items/{i}/votes", sprint3, flaky).exchange().expectStatus().isNoContent();
        as(lead).get().uri("/api/v1/teams/{id}/reviews/2026-Q1", teamId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.quarter.topRetroItems[1].items[0].votes").doesNotExist();
        phase(sprint3, "DISCUSS");

        as(lead).get().uri("/api/v1/teams/{id}/reviews/2026-Q1", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.teamName").isEqualTo("History")
                .jsonPath("$.quarter.quarter").isEqualTo("2026-Q1")
                .jsonPath("$.quarter.start").isEqualTo("2026-01-01")
                .jsonPath("$.quarter.end").isEqualTo("2026-03-31")
                .jsonPath("$.quarter.sprints.length()").isEqualTo(2)
                .jsonPath("$.quarter.sprints[0].sprint").isEqualTo("Sprint 3")
                .jsonPath("$.quarter.sprints[0].maintenanceShare").isEqualTo(0.4)
                .jsonPath("$.quarter.sprints[0].targetMin").isEqualTo(0.2)
                .jsonPath("$.quarter.sprints[0].withinBand").isEqualTo(true)
                .jsonPath("$.quarter.sprints[1].maintenanceShare").isEqualTo(0.5)
                .jsonPath("$.quarter.sprints[1].targetMin").isEqualTo(0.3)
                .jsonPath("$.quarter.sprints[1].targetMax").isEqualTo(0.5)
                .jsonPath("$.quarter.sprints[1].withinBand").isEqualTo(true)
                .jsonPath("$.quarter.maintenanceShare").isEqualTo(0.45)
                .jsonPath("$.quarter.bandChanges.length()").isEqualTo(1)
                .jsonPath("$.quarter.bandChanges[0].rationale").isEqualTo("More maintenance after the outage")
                .jsonPath("$.quarter.bandChanges[0].effectiveFrom").isEqualTo("2026-02-01")
                .jsonPath("$.quarter.topRetroItems[0].category").isEqualTo("FEATURE")
                .jsonPath("$.quarter.topRetroItems[1].category").isEqualTo("TECH_DEBT")
                .jsonPath("$.quarter.topRetroItems[1].items[0].text").isEqualTo("Flaky deploys")
                .jsonPath("$.quarter.topRetroItems[1].items[0].votes").isEqualTo(2)
                .jsonPath("$.quarter.topRetroItems[1].items[1].text").isEqualTo("Slow builds")
                .jsonPath("$.previous.quarter").isEqualTo("2025-Q4")
                .jsonPath("$.previous.sprints.length()").isEqualTo(2)
                .jsonPath("$.previous.sprints[1].maintenanceShare").isEqualTo(0.1)
                .jsonPath("$.previous.sprints[1].withinBand").isEqualTo(false)
                .jsonPath("$.previous.maintenanceShare").isEqualTo(0.15)
                .jsonPath("$.previous.bandChanges[0].effectiveFrom").isEqualTo("2025-10-01")
                .jsonPath("$.change.maintenanceShare").isEqualTo(0.3);
    }

    @Test
    void debtActionsAndUpdatesCountInTheQuarterTheyHappened() {
        String pm = newUser("Pia");
        addMember(lead, teamId, pm, "PRODUCT_MANAGER");
        String debtId = idOf(as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Replace the deploy script", "description", "It fails", "area", "delivery",
                        "estimate", "3 days", "impact", "HIGH"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        as(pm).post().uri("/api/v1/tech-debt/{id}/votes", debtId).exchange().expectStatus().isNoContent();
        String updateId = idOf(as(pm).post().uri("/api/v1/teams/{id}/product-updates", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Q4", "body", "Churn is down.", "metrics", List.of(), "customerVoices", List.of(), "goals", List.of()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        as(engineer).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange().expectStatus().isNoContent();

        String now = currentQuarter();
        as(lead).get().uri("/api/v1/teams/{id}/reviews/{q}", teamId, now).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.quarter.techDebtOpened").isEqualTo(1)
                .jsonPath("$.quarter.mostVotedTechDebt[0].title").isEqualTo("Replace the deploy script")
                .jsonPath("$.quarter.mostVotedTechDebt[0].votes").isEqualTo(1)
                .jsonPath("$.quarter.productUpdates").isEqualTo(1)
                // one acknowledgement of the two members other than the poster who could
                .jsonPath("$.quarter.acknowledgementRate").isEqualTo(0.5)
                .jsonPath("$.previous.techDebtOpened").isEqualTo(0)
                .jsonPath("$.change.techDebtOpened").isEqualTo(1);
    }

    @Test
    void stateAsOfAnInstantIsTheTeamAsItWasThen() throws InterruptedException {
        String item = addItem(sprint3, "STOP", "Flaky deploys", "TECH_DEBT");
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        as(engineer).put().uri("/api/v1/retros/{r}/items/{i}", sprint3, item).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Flaky deploys, twice a week", "category", "BUG"))
                .exchange().expectStatus().isNoContent();
        agreeBand(lead, teamId, 0.25, 0.45, "2026-01-01");
        as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Replace the deploy script", "description", "It fails", "area", "delivery",
                        "estimate", "3 days", "impact", "HIGH"))
                .exchange().expectStatus().isCreated();

        as(lead).get().uri("/api/v1/teams/{id}/state?asOf={t}", teamId, between.toString()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("History")
                .jsonPath("$.asOf").isEqualTo(between.toString())
                .jsonPath("$.retros.length()").isEqualTo(4)
                .jsonPath("$.retros[2].sprint").isEqualTo("Sprint 3")
                .jsonPath("$.retros[2].items[0].text").isEqualTo("Flaky deploys")
                .jsonPath("$.retros[2].items[0].category").isEqualTo("TECH_DEBT")
                .jsonPath("$.retros[2].items[0].authorId").doesNotExist()
                .jsonPath("$.balanceTarget.maintenanceMin").isEqualTo(0.3)
                .jsonPath("$.techDebt.length()").isEqualTo(0);

        as(lead).get().uri("/api/v1/teams/{id}/state", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.retros[2].items[0].text").isEqualTo("Flaky deploys, twice a week")
                .jsonPath("$.retros[2].items[0].category").isEqualTo("BUG")
                .jsonPath("$.balanceTarget.maintenanceMin").isEqualTo(0.3)
                .jsonPath("$.techDebt.length()").isEqualTo(1)
                .jsonPath("$.techDebt[0].status").isEqualTo("PROPOSED");

        // Before the team existed there is nothing to show but its id.
        as(lead).get().uri("/api/v1/teams/{id}/state?asOf=2020-01-01", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").doesNotExist()
                .jsonPath("$.retros.length()").isEqualTo(0);
    }

    @Test
    void badInstantsAndQuartersAre400AndOutsidersAre403() {
        as(lead).get().uri("/api/v1/teams/{id}/state?asOf=yesterday", teamId).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        for (String quarter : List.of("2026-Q5", "2026Q1", "Q1-2026")) {
            as(lead).get().uri("/api/v1/teams/{id}/reviews/{q}", teamId, quarter).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        String outsider = newUser("Otto");
        as(outsider).get().uri("/api/v1/teams/{id}/state", teamId).exchange().expectStatus().isForbidden();
        as(outsider).get().uri("/api/v1/teams/{id}/reviews/2026-Q1", teamId).exchange().expectStatus().isForbidden();
        as(lead).get().uri("/api/v1/teams/no-such-team/reviews/2026-Q1").exchange().expectStatus().isNotFound();
    }

    private String addItem(String retroId, String column, String text, String category) {
        return idOf(as(engineer).post().uri("/api/v1/retros/{id}/items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("column", column, "text", text, "category", category, "anonymous", true))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private void phase(String retroId, String phase) {
        as(lead).post().uri("/api/v1/retros/{id}/phase", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phase", phase)).exchange().expectStatus().isNoContent();
    }

    private static String currentQuarter() {
        return Quarter.containing(LocalDate.now(ZoneOffset.UTC)).toString();
    }
}
