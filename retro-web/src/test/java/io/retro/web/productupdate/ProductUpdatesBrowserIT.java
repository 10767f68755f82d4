package io.retro.web.productupdate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.retro.support.BrowserIntegrationTest;
import org.junit.jupiter.api.Test;

class ProductUpdatesBrowserIT extends BrowserIntegrationTest {

    /** Live changes travel through the store, the read models and a refetch: allow a loaded machine time. */
    private static final double LIVE_MS = 20_000;

    @Test
    void productManagerPostsEngineerAcknowledgesAndAsksAndTheQuestionReachesThePm() {
        TeamOfThree team = teamOfThree("Checkout");
        String teamId = team.teamId();

        Page pm = signedIn(team.pm());
        pm.navigate(url("/teams/" + teamId));
        pm.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Product updates")).click();
        pm.getByLabel("Title").fill("April");
        pm.getByLabel("Body (markdown)").fill("Usage is **up**.\n\n<script>window.pwned = true</script>");
        shows(pm.locator("#pu-preview strong"), "up");
        shows(pm.locator("#pu-preview"), "<script>");
        pm.getByLabel("Metrics, one a line").fill("Weekly active users | 1200 | users | +8");
        pm.getByLabel("Goals, one a line").fill("Self-serve onboarding | 60");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post update")).click();
        shows(pm.getByRole(AriaRole.STATUS), "Update posted.");
        Locator pmsUpdate = pm.locator("article.pu-update").first();
        shows(pmsUpdate.locator("h2"), "April");
        shows(pmsUpdate.locator(".pu-acks"), "0 acknowledged");

        Page engineer = signedIn(team.engineer());
        engineer.navigate(url("/teams/" + teamId + "/product-updates"));
        Locator update = engineer.locator("article.pu-update").first();
        shows(update.locator(".pu-body strong"), "up");
        shows(update.locator(".pu-metrics"), "Weekly active users");
        assertThat(engineer.getByLabel("Title")).hasCount(0);
        update.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        shows(engineer.locator(".pu-acked"), "You acknowledged this update.");
        shows(engineer.locator("article.pu-update .pu-acks"), "1 acknowledged");

        engineer.getByLabel("Your question").fill("Why did churn rise?");
        engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask")).click();
        shows(engineer.locator(".pu-question.pu-unanswered"), "Why did churn rise?");
        shows(engineer.locator(".pu-question.pu-unanswered"), "Waiting for an answer");

        // The PM's page stayed open all along: the question and the acknowledgement arrive live,
        // and what the PM's last form said stays in view.
        shows(pm.locator(".pu-question.pu-unanswered"), "Why did churn rise?");
        shows(pm.locator(".pu-question"), "Eve");
        shows(pm.locator("article.pu-update .pu-acks"), "1 acknowledged");
        shows(pm.locator(".pu-open-count"), "1 unanswered");
        assertThat(pm.getByRole(AriaRole.STATUS)).hasText("Update posted.");

        pm.getByLabel("Answer").fill("A pricing change in March.");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer").setExact(true)).click();
        shows(pm.locator(".pu-question .pu-a"), "A pricing change in March.");
        shows(engineer.locator(".pu-question .pu-a"), "A pricing change in March.");
        assertThat(engineer.getByRole(AriaRole.STATUS)).hasText("Question asked.");
        assertThat(engineer.locator(".pu-question.pu-unanswered")).hasCount(0);
        assertThat(engineer.locator("script:not([src])")).hasCount(0);
    }

    @Test
    void aFreshFeedWaitsUntilTheReaderLeavesTheFieldTheyTypeIn() {
        TeamOfThree team = teamOfThree("Checkout");
        String teamId = team.teamId();
        Page pm = signedIn(team.pm());
        pm.navigate(url("/teams/" + teamId + "/product-updates"));
        pm.getByLabel("Title").fill("May");
        pm.getByLabel("Body (markdown)").fill("Steady.");
        pm.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post update")).click();
        shows(pm.getByRole(AriaRole.STATUS), "Update posted.");
        Page engineer = signedIn(team.engineer());
        engineer.navigate(url("/teams/" + teamId + "/product-updates"));

        pm.getByLabel("Your question").fill("Half a quest");
        // The PM's page has fetched the feed with the acknowledgement in it, but holds it back.
        pm.waitForResponse(response -> response.url().endsWith("/product-updates/feed") && response.text().contains("1 acknowledged"),
                () -> engineer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click());
        assertThat(pm.getByLabel("Your question")).hasValue("Half a quest");
        assertThat(pm.getByLabel("Your question")).isFocused();
        assertThat(pm.locator(".pu-acks")).hasText("0 acknowledged");

        pm.getByLabel("Your question").blur();
        shows(pm.locator(".pu-acks"), "1 acknowledged");
    }

    private static void shows(Locator locator, String text) {
        assertThat(locator).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE_MS));
    }
}
