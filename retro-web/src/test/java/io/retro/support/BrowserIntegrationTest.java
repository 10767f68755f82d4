package io.retro.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser against the running service: Playwright drives the system's Chromium
 * ({@code RETRO_CHROMIUM}, default {@code /usr/bin/chromium}) and never downloads one.
 */
public abstract class BrowserIntegrationTest extends RetroIntegrationTest {

    private static Playwright playwright;
    private static Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = System.getenv().getOrDefault("RETRO_CHROMIUM", "/usr/bin/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(policyViolations).as("content security policy violations").isEmpty();
    }

    /** A fresh browser profile, signed in as this user through the login form. */
    protected Page signedIn(String username) {
        Page page = newContext().newPage();
        page.navigate(url("/login"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("admin".equals(username) ? ADMIN_PASSWORD : PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        try {
            page.waitForURL(url("/teams"), new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
        } catch (PlaywrightException e) {
            throw new AssertionError("Signing in as " + username + " ended on " + page.url(), e);
        }
        return page;
    }

    /** A fresh browser profile: its own cookies, so its own session. */
    protected BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        contexts.add(context);
        return context;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
