package io.retro.web.techdebt;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.retro.support.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

class TechDebtBrowserIT extends BrowserIntegrationTest {

    /** Live changes travel through the store, the read models and a refetch: allow a loaded machine time. */
    private static final double LIVE_MS = 20_000;

    @Test
    void engineerProposesAndVotesThePmSeesTheDisagreementLiveAndMovesTheItem() {
        TeamOfThree team = teamOfThree("Checkout");
        String teamId = team.teamId();

        Page pm = signedIn(team.pm());
        pm.navigate(url("/teams/" + teamId + "/tech-debt"));
        shows(pm.locator("#td-register"), "No tech debt here.");

        Page engineer = signedIn(team.engineer());
        engineer.navigate(url("/teams/" + teamId));
        engineer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tech debt")).click();
        engineer.getByLabel("Title").fill("Replace the legacy cache");
        engineer.getByLabel("Area").fill("checkout");
        engineer.getByLabel("Impact").selectOption("HIGH");
        engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose")).click();
        shows(engineer.getByRole(AriaRole.STATUS), "Item proposed.");
        engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Replace the legacy cache")).click();
        shows(engineer.locator(".td-engineer-votes"), "1");
        assertThat(engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move"))).hasCount(0);

        // The PM's page stayed open: the new item, the engineer's vote and the disagreement arrive live.
        Locator row = pm.locator("tr.td-differ");
        shows(row, "Replace the legacy cache");
        shows(row.locator(".td-engineer-votes"), "1");
        shows(row.locator(".td-pm-votes"), "0");
        assertThat(row.getByLabel("Engineers and product managers disagree")).isVisible();

        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Replace the legacy cache")).click();
        shows(pm.locator(".td-pm-votes"), "1");
        assertThat(pm.locator("tr.td-differ")).hasCount(0);

        pm.getByLabel("New status for Replace the legacy cache").selectOption("ACCEPTED");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move")).click();
        shows(pm.locator(".td-status"), "ACCEPTED");
        shows(engineer.locator(".td-status"), "ACCEPTED");
        shows(engineer.locator(".td-votes"), "2");
        // The live refresh leaves what the engineer's last form said in view.
        assertThat(engineer.getByRole(AriaRole.STATUS)).hasText("Vote counted.");
    }


    private static void shows(Locator locator, String text) {
        assertThat(locator).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE_MS));
    }
}
