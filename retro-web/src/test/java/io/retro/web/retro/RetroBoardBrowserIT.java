package io.retro.web.retro;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.retro.support.BrowserIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetroBoardBrowserIT extends BrowserIntegrationTest {

    /** Live changes cross two browsers and the server on a shared build machine: give them time. */
    private static final double PATIENCE_MS = 60_000;

    @BeforeEach
    void bePatient() {
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
    }

    @AfterEach
    void restoreDefaultPatience() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    private Page member(String username) {
        BrowserContext context = newContext();
        context.setDefaultTimeout(PATIENCE_MS);
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url("/teams"));
        return page;
    }

    @Test
    void twoMembersSeeEachOthersChangesLiveAndVote() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");

        Page facilitator = member(alice);
        Page engineer = member(bob);
        facilitator.navigate(url("/teams/" + teamId));
        facilitator.getByLabel("Sprint", new Page.GetByLabelOptions().setExact(true)).fill("Sprint 42");
        facilitator.getByLabel("Sprint start").fill("2026-11-02");
        facilitator.getByLabel("Sprint end").fill("2026-11-13");
        facilitator.getByLabel("Template").selectOption("START_STOP_CONTINUE");
        facilitator.getByLabel("Votes per member").fill("3");
        facilitator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start retro")).click();
        assertThat(facilitator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sprint 42"))).isVisible();
        String boardUrl = facilitator.url();

        engineer.navigate(boardUrl);
        assertThat(engineer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Stop"))).isVisible();
        assertThat(facilitator.locator("main[data-live=connected]")).isVisible();
        assertThat(engineer.locator("main[data-live=connected]")).isVisible();

        facilitator.getByLabel("Column").selectOption("STOP");
        facilitator.getByLabel("Your item").fill("Deploying on Fridays");
        facilitator.getByLabel("Category").selectOption("PROCESS");
        facilitator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add item")).click();
        assertThat(engineer.locator(".retro-item")).hasText(java.util.regex.Pattern.compile("Deploying on Fridays"));

        engineer.getByLabel("Your item").fill("Slow CI");
        engineer.getByLabel("Anonymous").check();
        engineer.getByLabel("Your item").press("Tab");
        engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add item")).click();
        Locator anonymousItem = facilitator.locator(".retro-item", new Page.LocatorOptions().setHasText("Slow CI"));
        assertThat(anonymousItem).containsText("Anonymous");

        facilitator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to GROUP")).click();
        assertThat(engineer.locator("#phase")).containsText("GROUP");
        // The board was refreshed live; what the engineer's last form said is still in view.
        assertThat(engineer.locator("#notices")).hasText("Item added.");
        engineer.locator(".retro-item", new Page.LocatorOptions().setHasText("Deploying on Fridays")).getByLabel("Select").check();
        Locator secondTick = engineer.locator(".retro-item", new Page.LocatorOptions().setHasText("Slow CI")).getByLabel("Select");
        secondTick.focus();
        secondTick.press("Space");
        engineer.getByLabel("Group title").fill("Release pain");
        engineer.getByLabel("Group title").press("Enter");
        assertThat(facilitator.locator(".retro-item", new Page.LocatorOptions().setHasText("Slow CI")).locator(".retro-group-tag"))
                .hasText("Release pain");
        assertThat(facilitator.locator(".retro-groups")).containsText("2 items");
        facilitator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to VOTE")).click();
        assertThat(engineer.locator("#phase")).containsText("VOTE");
        assertThat(engineer.locator("#votes-left")).hasText("You have 3 of 3 votes left.");

        engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Deploying on Fridays")).click();
        assertThat(engineer.locator("#votes-left")).hasText("You have 2 of 3 votes left.");
        Locator keyboardVote = engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Slow CI"));
        keyboardVote.focus();
        keyboardVote.press("Enter");
        assertThat(engineer.locator("#votes-left")).hasText("You have 1 of 3 votes left.");
        assertThat(facilitator.locator(".retro-vote-count")).hasCount(0);
        assertThat(engineer.locator(".retro-vote-count")).hasCount(0);

        facilitator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to DISCUSS")).click();
        assertThat(engineer.locator("#phase")).containsText("DISCUSS");
        assertThat(engineer.locator(".retro-item", new Page.LocatorOptions().setHasText("Deploying on Fridays")))
                .containsText("1 vote");
    }
}
