package io.retro.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Trends over four sprints against a band that changes on 1 April 2026. Hand-computed figures:
 * sprint maintenance shares 20%, 10%, 50%, 40%; January 15%, February 50%, March no data, April 40%;
 * Q1 8 of 30 = 26.67%, Q2 40%.
 */
class HealthApiIT extends RetroIntegrationTest {

    private String alice;
    private String teamId;

    @BeforeEach
    void teamWithFourSprints() {
        alice = newUser("Alice");
        teamId = newTeam(alice, "Trends");
        agreeBand(alice, teamId, 0.2, 0.4, "2026-01-01");
        agreeBand(alice, teamId, 0.3, 0.5, "2026-04-01");
        sprintWithWorkMix(alice, teamId, "Sprint 1", "2026-01-05", "2026-01-16", 8, 1, 0, 1, 2);
        sprintWithWorkMix(alice, teamId, "Sprint 2", "2026-01-19", "2026-01-30", 9, 1, 0, 0, 1);
        sprintWithWorkMix(alice, teamId, "Sprint 3", "2026-02-02", "2026-02-13", 5, 3, 2, 0, 0);
        sprintWithWorkMix(alice, teamId, "Sprint 4", "2026-03-30", "2026-04-10", 6, 2, 0, 2, 1);
    }

    @Test
    void sharesPerSprintAgainstTheBandInForceAtEachEnd() {
        as(alice).get().uri("/api/v1/teams/{id}/health?granularity=SPRINT&from=2026-01-01&to=2026-04-30", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.teamId").isEqualTo(teamId)
                .jsonPath("$.granularity").isEqualTo("SPRINT")
                .jsonPath("$.points.length()").isEqualTo(4)
                .jsonPath("$.points[0].period").isEqualTo("Sprint 1")
                .jsonPath("$.points[0].maintenanceShare").isEqualTo(0.2)
                .jsonPath("$.points[0].featureShare").isEqualTo(0.8)
                .jsonPath("$.points[0].status").isEqualTo("HEALTHY")
                .jsonPath("$.points[1].maintenanceShare").isEqualTo(0.1)
                .jsonPath("$.points[1].status").isEqualTo("WATCH")
                .jsonPath("$.points[1].reasons[0]").isEqualTo("Maintenance was 10% of the work, below the agreed 20–40%.")
                .jsonPath("$.points[2].maintenanceShare").isEqualTo(0.5)
                .jsonPath("$.points[2].status").isEqualTo("WATCH")
                .jsonPath("$.points[2].reasons[0]").isEqualTo("Maintenance was 50% of the work, above the agreed 20–40%.")
                .jsonPath("$.points[3].workMix.bug").isEqualTo(2)
                .jsonPath("$.points[3].maintenanceShare").isEqualTo(0.4)
                .jsonPath("$.points[3].target.min").isEqualTo(0.3)
                .jsonPath("$.points[3].target.max").isEqualTo(0.5)
                .jsonPath("$.points[3].status").isEqualTo("HEALTHY");
    }

    @Test
    void monthsIncludeEmptyOnesWithNullFigures() {
        as(alice).get().uri("/api/v1/teams/{id}/health?granularity=MONTH&from=2026-01-01&to=2026-04-30", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.points.length()").isEqualTo(4)
                .jsonPath("$.points[0].period").isEqualTo("2026-01")
                .jsonPath("$.points[0].start").isEqualTo("2026-01-01")
                .jsonPath("$.points[0].end").isEqualTo("2026-01-31")
                .jsonPath("$.points[0].workMix.feature").isEqualTo(17)
                .jsonPath("$.points[0].maintenanceShare").isEqualTo(0.15)
                .jsonPath("$.points[1].maintenanceShare").isEqualTo(0.5)
                .jsonPath("$.points[2].period").isEqualTo("2026-03")
                .jsonPath("$.points[2].workMix").isEmpty()
                .jsonPath("$.points[2].maintenanceShare").isEmpty()
                .jsonPath("$.points[2].target.min").isEqualTo(0.2)
                .jsonPath("$.points[2].status").isEmpty()
                .jsonPath("$.points[2].reasons[0]").isEqualTo("No data for this month.")
                .jsonPath("$.points[3].target.min").isEqualTo(0.3);
    }

    @Test
    void quartersSumTheirSprints() {
        as(alice).get().uri("/api/v1/teams/{id}/health?granularity=QUARTER&from=2026-01-01&to=2026-06-30", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.points.length()").isEqualTo(2)
                .jsonPath("$.points[0].period").isEqualTo("2026-Q1")
                .jsonPath("$.points[0].maintenanceShare").isEqualTo(0.2667)
                .jsonPath("$.points[0].target.max").isEqualTo(0.4)
                .jsonPath("$.points[1].period").isEqualTo("2026-Q2")
                .jsonPath("$.points[1].maintenanceShare").isEqualTo(0.4)
                .jsonPath("$.points[1].target.max").isEqualTo(0.5);
    }

    @Test
    void retroItemsCountTowardsTheSentimentOfTheirCategoryBySprint() {
        String retroId = sprintWithWorkMix(alice, teamId, "Sprint 5", "2026-05-04", "2026-05-15", 8, 2, 0, 0, 0);
        String idea = addItem(retroId, "START", "TECH_DEBT");
        addItem(retroId, "STOP", "TECH_DEBT");
        String deleted = addItem(retroId, "STOP", "TECH_DEBT");
        addItem(retroId, "CONTINUE", "TECH_DEBT");
        as(alice).put().uri("/api/v1/retros/{r}/items/{i}", retroId, idea).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Start pairing on bugs", "category", "BUG"))
                .exchange().expectStatus().isNoContent();
        as(alice).delete().uri("/api/v1/retros/{r}/items/{i}", retroId, deleted).exchange().expectStatus().isNoContent();

        String uri = "/api/v1/teams/{id}/health?granularity=SPRINT&from=2026-01-01&to=2026-05-31";
        as(alice).get().uri(uri, teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.points[0].sentiment").isEmpty()
                .jsonPath("$.points[4].period").isEqualTo("Sprint 5")
                .jsonPath("$.points[4].sentiment.length()").isEqualTo(2)
                .jsonPath("$.points[4].sentiment[0].category").isEqualTo("TECH_DEBT")
                .jsonPath("$.points[4].sentiment[0].positive").isEqualTo(1)
                .jsonPath("$.points[4].sentiment[0].negative").isEqualTo(1)
                .jsonPath("$.points[4].sentiment[0].neutral").isEqualTo(0)
                .jsonPath("$.points[4].sentiment[1].category").isEqualTo("BUG")
                .jsonPath("$.points[4].sentiment[1].neutral").isEqualTo(1);
        String csv = as(alice).get().uri(uri, teamId).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().toList().get(5)).endsWith(",TECH_DEBT +1 -1 ~0 | BUG +0 -0 ~1");
    }

    private String addItem(String retroId, String column, String category) {
        return idOf(as(alice).post().uri("/api/v1/retros/{id}/items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("column", column, "text", "About " + category, "category", category, "anonymous", false))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    @Test
    void csvHasAHeaderAndARowPerPeriod() {
        String csv = as(alice).get().uri("/api/v1/teams/{id}/health?granularity=MONTH&from=2026-01-01&to=2026-04-30", teamId)
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("teamId,team,granularity,period,start,end,unit,feature,maintenance,techDebt,bug,process,featureShare,maintenanceShare,targetMin,targetMax,status,reasons");
        assertThat(lines.get(1)).startsWith(teamId + ",Trends,MONTH,2026-01,2026-01-01,2026-01-31,POINTS,17,");
        assertThat(lines.get(3)).contains(",2026-03,").contains("No data for this month.");
    }

    @Test
    void orgRollUpShowsTheTeamsTheCallerCanSee() {
        String bob = newUser("Bob");
        String bobsTeam = newTeam(bob, "Elsewhere");
        List<Map> mine = as(alice).get().uri("/api/v1/health?granularity=QUARTER&from=2026-01-01&to=2026-06-30").exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(mine).extracting(t -> t.get("teamId")).containsExactly(teamId);
        assertThat((List<?>) mine.get(0).get("points")).hasSize(2);

        List<Map> all = asAdmin().get().uri("/api/v1/health?granularity=QUARTER&from=2026-01-01&to=2026-06-30").exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(all).extracting(t -> t.get("teamId")).contains(teamId, bobsTeam);
    }

    @Test
    void outsidersAndAnonymousCallersAreRefused() {
        String mallory = newUser("Mallory");
        as(mallory).get().uri("/api/v1/teams/{id}/health", teamId).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/teams/{id}/health", teamId).exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/health").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badGranularityAndRangesAre400() {
        for (String query : List.of("granularity=WEEK", "from=2026-13-01", "to=yesterday", "from=2026-05-01&to=2026-04-01",
                "from=1990-01-01&to=2026-01-01")) {
            as(alice).get().uri("/api/v1/teams/" + teamId + "/health?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isNotEmpty();
        }
        as(alice).get().uri("/api/v1/health?granularity=DAY").exchange().expectStatus().isBadRequest();
    }

    @Test
    void defaultsToSprintsOfTheLastYear() {
        as(alice).get().uri("/api/v1/teams/{id}/health", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.granularity").isEqualTo("SPRINT")
                .jsonPath("$.points.length()").isEqualTo(
                        LocalDate.now().minusYears(1).isBefore(LocalDate.of(2026, 1, 16)) ? 4 : 0);
    }

}
