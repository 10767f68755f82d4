package io.retro.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.BrowserIntegrationTest;
import java.time.Duration;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo history, told into fresh teams of the shared store, read back through the trend API:
 * the three stories must be visible in the quarters, not only in the code that tells them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryIT extends BrowserIntegrationTest {

    @Autowired
    private DemoHistory demo;

    private DemoHistory.Filled filled;
    private final LocalDate today = LocalDate.now();

    @BeforeAll
    void tellTheDemoHistory() {
        filled = demo.fill(UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        for (DemoHistory.DemoTeam team : filled.teams()) {
            // The read models catch up with thousands of events, each at its own pace, and each
            // processor's segments too; a read waits for them only so long.
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> points(team, "SPRINT").stream().filter(point -> point.get("workMix") != null).count() == 52
                            && retros(team).size() == 52);
        }
    }

    @Test
    void tellsThreeTeamsOfFiftyTwoFortnightlySprintsUpToToday() {
        assertThat(filled.teams()).extracting(DemoHistory.DemoTeam::story)
                .containsExactly("DRIFTING", "OVER_CORRECTING", "STEADY");
        assertThat(filled.sprintsPerTeam()).isEqualTo(52);
        for (DemoHistory.DemoTeam team : filled.teams()) {
            List<Map<String, Object>> sprints = points(team, "SPRINT");
            assertThat(sprints).hasSize(52);
            assertThat(LocalDate.parse((String) sprints.get(51).get("end"))).isBefore(today);
            assertThat(LocalDate.parse((String) sprints.get(0).get("start"))).isBefore(today.minusYears(2).plusWeeks(3));
            assertThat(retros(team)).hasSize(52);
            List<?> debt = as(team.usernames().get(0)).get().uri("/api/v1/teams/{id}/tech-debt", team.teamId()).exchange()
                    .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            assertThat(debt).hasSizeGreaterThan(15);
            List<Map<String, Object>> quarters = quarters(team);
            assertThat(quarters).allSatisfy(quarter -> assertThat(quarter.get("actionItemsCreated")).isNotNull());
            assertThat(quarters.stream().mapToInt(quarter -> ((Number) quarter.get("productUpdates")).intValue()).sum())
                    .isGreaterThan(15);
        }
    }

    @Test
    void theDriftingTeamEndsBelowItsBandWithHealthAtRisk() {
        List<Map<String, Object>> recent = withWork(quarters(team("DRIFTING")));
        for (Map<String, Object> quarter : recent.subList(recent.size() - 2, recent.size())) {
            assertThat(quarter.get("status")).isIn("WATCH", "AT_RISK");
            assertThat(reasons(quarter)).anyMatch(reason -> reason.contains("below the agreed 25–40%"));
        }
        assertThat(share(recent.get(1))).isGreaterThan(share(recent.get(recent.size() - 1)) + 0.1);
    }

    @Test
    void theOverCorrectingTeamGoesAboveItsNewBandAfterChangingIt() {
        List<Map<String, Object>> quarters = withWork(quarters(team("OVER_CORRECTING")));
        List<Map<String, Object>> oldBand = quarters.stream().filter(quarter -> minOf(quarter) == 0.2).toList();
        List<Map<String, Object>> newBand = quarters.stream().filter(quarter -> minOf(quarter) == 0.3).toList();
        assertThat(oldBand).isNotEmpty().allSatisfy(quarter ->
                assertThat(reasons(quarter)).anyMatch(reason -> reason.contains("below the agreed 20–35%")));
        assertThat(newBand).anySatisfy(quarter -> {
            assertThat(quarter.get("status")).isEqualTo("AT_RISK");
            assertThat(reasons(quarter)).anyMatch(reason -> reason.contains("above the agreed 30–45%"));
        });
        assertThat(newBand.get(newBand.size() - 1).get("status")).isNotEqualTo("AT_RISK");
    }

    @Test
    void theSteadyTeamStaysHealthyQuarterAfterQuarter() {
        List<Map<String, Object>> complete = withWork(quarters(team("STEADY"))).stream()
                .filter(quarter -> LocalDate.parse((String) quarter.get("end")).isBefore(today))
                .toList();
        for (Map<String, Object> quarter : complete.subList(complete.size() - 4, complete.size())) {
            assertThat(quarter.get("status")).as("status of %s: %s", quarter.get("period"), quarter.get("reasons"))
                    .isEqualTo("HEALTHY");
            assertThat(reasons(quarter)).anyMatch(reason -> reason.contains("within the agreed 20–35%"));
        }
    }

    private DemoHistory.DemoTeam team(String story) {
        return filled.teams().stream().filter(team -> team.story().equals(story)).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> quarters(DemoHistory.DemoTeam team) {
        return points(team, "QUARTER");
    }

    @SuppressWarnings("unchecked")
    private List<?> retros(DemoHistory.DemoTeam team) {
        return as(team.usernames().get(0)).get().uri("/api/v1/teams/{id}/retros", team.teamId()).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> points(DemoHistory.DemoTeam team, String granularity) {
        Map<String, Object> health = as(team.usernames().get(0)).get()
                .uri("/api/v1/teams/{id}/health?granularity={g}&from={from}&to={to}", team.teamId(), granularity,
                        today.minusYears(2).minusMonths(1), today)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) Objects.requireNonNull(health).get("points");
    }

    private static List<Map<String, Object>> withWork(List<Map<String, Object>> points) {
        return points.stream().filter(point -> point.get("maintenanceShare") != null).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<String, Object> point) {
        return (List<String>) point.get("reasons");
    }

    private static double share(Map<String, Object> point) {
        return ((Number) point.get("maintenanceShare")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static double minOf(Map<String, Object> point) {
        return ((Number) ((Map<String, Object>) point.get("target")).get("min")).doubleValue();
    }

    @Test
    void dashboardOnDemoDataShowsTheDriftingTeamsChartAndReasons() {
        DemoHistory.DemoTeam drifting = filled.teams().get(0);
        Page page = signedIn(drifting.usernames().get(0));
        page.navigate(url("/teams/" + drifting.teamId() + "/health?granularity=QUARTER&from=" + today.minusYears(2) + "&to=" + today));

        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#mix-chart")).isVisible();
        assertThat(page.evaluate("() => !!Chart.getChart(document.getElementById('mix-chart'))")).isEqualTo(true);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#health-reasons")).containsText("below the agreed");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/health-dashboard-demo.png")).setFullPage(true));
    }
}
