package io.retro.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.retro.support.BrowserIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectionAdminBrowserIT extends BrowserIntegrationTest {

    @Test
    void adminRebuildsAReadModelAndSeesItUpToDateAgain() {
        String alice = newUser("Alice");
        // The admin sees every team, so the name must be this run's own.
        String teamName = "Before the rebuild " + UUID.randomUUID().toString().substring(0, 8);
        newTeam(alice, teamName);
        Page page = signedIn("admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read models")).click();

        var teamsRow = page.locator("tr[data-name='teams']");
        assertThat(teamsRow).containsText("Up to date");
        teamsRow.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Rebuild teams")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Rebuilding teams.");
        assertThat(page.locator("tr[data-name='teams']")).containsText("Up to date");
        page.navigate(url("/teams"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(teamName))).isVisible();
    }

    @Test
    void membersCannotOpenTheAdminPage() {
        Page page = signedIn(newUser("Mallory"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read models"))).hasCount(0);
        var response = page.navigate(url("/admin/projections"));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
    }
}
