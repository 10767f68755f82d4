package io.retro.web.health;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.retro.support.BrowserIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A team that slides below its band: 20–40% until April, 30–50% from 1 April 2026. Maintenance shares
 * per sprint 33%, 20%, 10%, 10%, 30%, 20%, 10%: the last two are below the new band, so the latest
 * status is AT_RISK. The name holds markup, which must neither break the page nor its embedded data.
 */
class HealthDashboardBrowserIT extends BrowserIntegrationTest {

    private static final String RANGE = "from=2026-01-01&to=2026-04-30";
    private static final String TEAM_NAME = "Payments </script><b>";

    private String alice;
    private String teamId;

    @BeforeEach
    void teamSlidingBelowItsBand() {
        alice = newUser("Alice");
        teamId = newTeam(alice, TEAM_NAME);
        agreeBand(alice, teamId, 0.2, 0.4, "2026-01-01");
        agreeBand(alice, teamId, 0.3, 0.5, "2026-04-01");
        sprintWithWorkMix(alice, teamId, "Sprint 1", "2026-01-05", "2026-01-16", 8, 2, 1, 1, 1);
        sprintWithWorkMix(alice, teamId, "Sprint 2", "2026-01-19", "2026-01-30", 8, 1, 0, 1, 2);
        sprintWithWorkMix(alice, teamId, "Sprint 3", "2026-02-02", "2026-02-13", 9, 1, 0, 0, 1);
        sprintWithWorkMix(alice, teamId, "Sprint 4", "2026-02-16", "2026-02-27", 9, 1, 0, 0, 0);
        sprintWithWorkMix(alice, teamId, "Sprint 5", "2026-03-02", "2026-03-13", 7, 2, 1, 0, 1);
        sprintWithWorkMix(alice, teamId, "Sprint 6", "2026-03-30", "2026-04-10", 8, 1, 0, 1, 1);
        sprintWithWorkMix(alice, teamId, "Sprint 7", "2026-04-13", "2026-04-24", 9, 1, 0, 0, 1);
    }

    @Test
    void dashboardShowsChartsStatusReasonsAndSwitchesToMonths() {
        Page page = signedIn(alice);
        page.navigate(url("/teams/" + teamId));
        page.locator(".team-links").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Health")).click();
        page.waitForURL(url("/teams/" + teamId + "/health"));

        page.navigate(url("/teams/" + teamId + "/health?granularity=SPRINT&" + RANGE));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Health of " + TEAM_NAME))).isVisible();
        assertThat(page.locator("#health-status")).hasText("✕ At risk");
        assertThat(page.locator("#health-status")).hasClass(Pattern.compile("health-AT_RISK"));
        assertThat(page.locator("#health-headline")).containsText("Sprint 7");
        assertThat(page.locator("#health-headline")).containsText("10%");
        assertThat(page.locator("#health-reasons")).containsText(
                "Maintenance was 10% of the work, below the agreed 30–50%, for the 2nd sprint running.");

        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('mix-chart'))");
        assertThat(page.getByText("No tech-debt items or action items in this range.")).isVisible();
        Map<?, ?> mix = (Map<?, ?>) page.evaluate("() => { const c = Chart.getChart(document.getElementById('mix-chart'));"
                + " return { labels: c.data.labels, share: c.data.datasets.find(d => d.label === 'Maintenance share').data,"
                + " bandMax: c.data.datasets.find(d => d.label === 'Agreed band').data }; }");
        assertThat(list(mix.get("labels"))).hasSize(7).startsWith("Sprint 1").endsWith("Sprint 7");
        assertThat(((Number) list(mix.get("share")).get(2)).doubleValue()).isEqualTo(10.0);
        assertThat(((Number) list(mix.get("bandMax")).get(6)).doubleValue()).isEqualTo(50.0);

        Locator rows = page.locator("#health-periods tbody tr");
        assertThat(rows).hasCount(7);
        assertThat(rows.nth(3)).containsText("At risk");
        assertThat(rows.nth(3)).containsText("for the 2nd sprint running");

        page.waitForTimeout(1000);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/health-dashboard.png")).setFullPage(true));

        page.getByLabel("Period length").selectOption("MONTH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        page.waitForURL(url -> url.contains("granularity=MONTH"));
        assertThat(rows).hasCount(4);
        assertThat(rows.nth(1)).containsText("2026-02");
        assertThat(rows.nth(1)).containsText("10%");
        assertThat(rows.nth(3)).containsText("2026-04");
        assertThat(rows.nth(3)).containsText("30–50%");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('mix-chart'))"
                + " && Chart.getChart(document.getElementById('mix-chart')).data.labels.length === 4");
    }

    @Test
    void debtPressureChartShowsTechDebtProposedThisMonth() {
        String itemId = idOf(as(alice).post().uri("/api/v1/teams/{id}/tech-debt", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Replace the payment retry queue", "impact", "HIGH"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        as(alice).post().uri("/api/v1/tech-debt/{id}/votes", itemId).exchange().expectStatus().isNoContent();

        Page page = signedIn(alice);
        page.navigate(url("/teams/" + teamId + "/health?granularity=MONTH"));
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('pressure-chart'))");
        Map<?, ?> pressure = (Map<?, ?>) page.evaluate("() => { const c = Chart.getChart(document.getElementById('pressure-chart'));"
                + " const last = d => c.data.datasets.find(s => s.label === d).data.at(-1);"
                + " return { open: last('Open tech-debt items'), votes: last('Votes on open tech debt') }; }");
        assertThat(((Number) pressure.get("open")).intValue()).isEqualTo(1);
        assertThat(((Number) pressure.get("votes")).intValue()).isEqualTo(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/health-dashboard-debt.png")).setFullPage(true));
    }

    @Test
    void orgPageShowsEachTeamWithItsTrendLine() {
        Page page = signedIn(alice);
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Health")).click();
        page.waitForURL(url("/health"));
        page.navigate(url("/health?granularity=SPRINT&" + RANGE));

        Locator row = page.locator("#health-teams tbody tr[data-team-id='" + teamId + "']");
        assertThat(page.locator("#health-teams tbody tr")).hasCount(1);
        assertThat(row).containsText(TEAM_NAME);
        assertThat(row).containsText("At risk");
        assertThat(row).containsText("Sprint 7");
        assertThat(row).containsText("30–50%");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas.health-spark'))");
        Object points = page.evaluate("() => Chart.getChart(document.querySelector('canvas.health-spark')).data.datasets[0].data.length");
        assertThat(((Number) points).intValue()).isEqualTo(7);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/health-org.png")).setFullPage(true));

        row.getByRole(AriaRole.LINK).click();
        page.waitForURL(url -> url.contains("/teams/" + teamId + "/health"));
        assertThat(page.locator("#health-status")).containsText("At risk");
    }

    @Test
    void outsidersAreRefusedAndUnknownTeamsAreNotFound() {
        String mallory = newUser("Mallory");
        Page page = signedIn(mallory);

        assertThat(page.navigate(url("/teams/" + teamId + "/health")).status()).isEqualTo(403);
        assertThat(page.navigate(url("/teams/no-such-team/health")).status()).isEqualTo(404);

        assertThat(page.navigate(url("/health?granularity=SPRINT&" + RANGE)).status()).isEqualTo(200);
        assertThat(page.getByText("You are not in a team yet.")).isVisible();
        assertThat(page.getByText(TEAM_NAME)).hasCount(0);

        assertThat(page.navigate(url("/teams/" + teamId + "/health?granularity=WEEK")).status()).isEqualTo(403);
        addMember(alice, teamId, mallory, "ENGINEER");
        assertThat(page.navigate(url("/teams/" + teamId + "/health?granularity=WEEK")).status()).isEqualTo(200);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("granularity must be SPRINT, MONTH or QUARTER.");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

}
