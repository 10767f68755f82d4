package io.retro.web.team;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.retro.support.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

class TeamPagesBrowserIT extends BrowserIntegrationTest {

    @Test
    void facilitatorCreatesTeamAddsMemberAndAgreesBand() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        Page page = signedIn(alice);

        assertThat(page.getByText("You are not in a team yet")).isVisible();
        page.getByLabel("Team name").fill("Checkout");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Checkout"))).isVisible();

        page.getByLabel("Username").fill(bob);
        page.getByLabel("Role").selectOption("ENGINEER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Member added.");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Bob"))).isVisible();

        page.getByLabel("From %").fill("20");
        page.getByLabel("To %").fill("40");
        page.getByLabel("Why this band").fill("Stabilise after launch");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree band")).click();
        assertThat(page.locator("#current-band")).hasText("20–40% maintenance");

        Page bobsPage = signedIn(bob);
        bobsPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
        assertThat(bobsPage.locator("#current-band")).hasText("20–40% maintenance");
    }

    @Test
    void ruleViolationsAreShownOnThePage() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        Page page = signedIn(alice);
        page.getByLabel("Team name").fill("Search");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();

        page.getByLabel("Username").fill("nobody-at-all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("There is no user 'nobody-at-all'");

        page.getByLabel("From %").fill("60");
        page.getByLabel("To %").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree band")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("must not be greater");
        assertThat(page.locator("#current-band")).containsText("No band agreed yet");
    }

    @Test
    void signInRejectsWrongPassword() {
        Page page = signedInAsNobody();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
    }

    private Page signedInAsNobody() {
        Page page = newContext().newPage();
        page.navigate(url("/login"));
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url("/login?error"));
        return page;
    }

    @Test
    void pagesCarryAContentSecurityPolicy() {
        var response = newContext().newPage().navigate(url("/login"));
        org.assertj.core.api.Assertions.assertThat(response.headers().get("content-security-policy"))
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void outsidersGetAForbiddenPageAndUnknownTeamsANotFoundPage() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Private");
        Page page = signedIn(newUser("Mallory"));
        var forbidden = page.navigate(url("/teams/" + teamId));
        org.assertj.core.api.Assertions.assertThat(forbidden.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not for you"))).isVisible();
        var missing = page.navigate(url("/teams/" + java.util.UUID.randomUUID()));
        org.assertj.core.api.Assertions.assertThat(missing.status()).isEqualTo(404);
    }
}
