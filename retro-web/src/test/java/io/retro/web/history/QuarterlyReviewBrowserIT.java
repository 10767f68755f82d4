package io.retro.web.history;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import io.retro.projections.history.Quarter;
import io.retro.support.BrowserIntegrationTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuarterlyReviewBrowserIT extends BrowserIntegrationTest {

    @Test
    void reviewPageShowsTheQuarterBesideThePreviousAndPrintsWithoutNavigation() {
        String lead = newUser("Lena");
        String teamId = newTeam(lead, "Printable");
        agreeBand(lead, teamId, 0.2, 0.4, "2025-10-01");
        sprintWithWorkMix(lead, teamId, "Sprint 1", "2025-11-03", "2025-11-14", 8, 1, 1, 0, 1);
        sprintWithWorkMix(lead, teamId, "Sprint 3", "2026-01-05", "2026-01-16", 6, 2, 2, 0, 0);

        Page page = signedIn(lead);
        page.navigate(url("/teams/" + teamId));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quarterly review")).click();
        String current = Quarter.containing(LocalDate.now(ZoneOffset.UTC)).toString();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(current);

        page.navigate(url("/teams/" + teamId + "/reviews/2026-Q1"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Printable: quarterly review 2026-Q1");
        var share = page.locator("#review-figures tr", new Page.LocatorOptions().setHasText("Maintenance share"));
        assertThat(share).containsText("40%");
        assertThat(share).containsText("20%");
        assertThat(share).containsText("+20 pts");
        assertThat(page.locator("#review-sprints")).containsText("Sprint 3");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".topbar")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/quarterly-review.png")).setFullPage(true));
    }
}
