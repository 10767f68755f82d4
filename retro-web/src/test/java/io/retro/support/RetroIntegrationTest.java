package io.retro.support;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on the embedded store, reached over HTTP. All integration tests share one data
 * folder and so one running application: subclasses must not change the Spring context (no
 * {@code @Import}, no {@code @MockBean}), or a second application would open the same store. Each
 * test makes its own users and teams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RetroIntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String PASSWORD = "password-1";
    private static final Path DATA_DIR = createDataDir();

    @Autowired
    protected WebTestClient web;

    @Autowired
    private MongoDatabase database;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("retro.store.data-dir", DATA_DIR::toString);
        registry.add("retro.admin-password", () -> ADMIN_PASSWORD);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("retro-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A client signed in as this user. It waits longer than a read waits for the read models
     * (5 s), so that a read behind a long backlog answers rather than the client giving up first.
     */
    protected WebTestClient as(String username) {
        String password = "admin".equals(username) ? ADMIN_PASSWORD : PASSWORD;
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).defaultHeaders(h -> h.setBasicAuth(username, password)).build();
    }

    protected WebTestClient asAdmin() {
        return as("admin");
    }

    /** Creates a user with a unique username and returns that username. */
    protected String newUser(String name) {
        String username = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().post().uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", name))
                .exchange()
                .expectStatus().isCreated();
        return username;
    }

    /** Creates a team as this user (who becomes its facilitator) and returns its id. */
    protected String newTeam(String facilitator, String name) {
        return idOf(as(facilitator).post().uri("/api/v1/teams")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    protected void addMember(String facilitator, String teamId, String username, String role) {
        as(facilitator).post().uri("/api/v1/teams/{id}/members", teamId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "role", role))
                .exchange()
                .expectStatus().isNoContent();
    }

    /** Agrees a maintenance band for the team, in force from the given date. */
    protected void agreeBand(String user, String teamId, double min, double max, String effectiveFrom) {
        as(user).put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maintenanceMin", min, "maintenanceMax", max, "rationale", "agreed", "effectiveFrom", effectiveFrom))
                .exchange().expectStatus().isNoContent();
    }

    /** Starts a sprint's retro and records its work mix in points; returns the retro's id. */
    protected String sprintWithWorkMix(String facilitator, String teamId, String name, String start, String end,
            int feature, int maintenance, int techDebt, int bug, int process) {
        String retroId = idOf(as(facilitator).post().uri("/api/v1/teams/{id}/retros", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sprint", name, "sprintStart", start, "sprintEnd", end,
                        "template", "START_STOP_CONTINUE", "votesPerMember", 3))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        as(facilitator).put().uri("/api/v1/retros/{id}/work-mix", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("unit", "POINTS", "feature", feature, "maintenance", maintenance, "techDebt", techDebt,
                        "bug", bug, "process", process))
                .exchange().expectStatus().isNoContent();
        return retroId;
    }

    /** A team and its three members by username: the facilitator who made it, a product manager, an engineer. */
    protected record TeamOfThree(String teamId, String lead, String pm, String engineer) {}

    protected TeamOfThree teamOfThree(String teamName) {
        String lead = newUser("Fran");
        String pm = newUser("Paula");
        String engineer = newUser("Eve");
        String teamId = newTeam(lead, teamName);
        addMember(lead, teamId, pm, "PRODUCT_MANAGER");
        addMember(lead, teamId, engineer, "ENGINEER");
        return new TeamOfThree(teamId, lead, pm, engineer);
    }

    /** The ids of {@link #touchEveryReadModel}'s team. */
    protected record EveryReadModel(String lead, String pm, String engineer, String teamId, String retroId) {}

    /**
     * A team whose events reach every read model: members, a band, a sprint with its work mix and an
     * anonymous item, a voted tech-debt item, an acknowledged product update.
     */
    protected EveryReadModel touchEveryReadModel(String teamName) {
        TeamOfThree team = teamOfThree(teamName);
        String lead = team.lead();
        String pm = team.pm();
        String engineer = team.engineer();
        String teamId = team.teamId();
        agreeBand(lead, teamId, 0.2, 0.4, "2026-01-01");
        String retroId = sprintWithWorkMix(lead, teamId, "Sprint 1", "2026-01-05", "2026-01-16", 8, 1, 1, 0, 1);
        as(engineer).post().uri("/api/v1/retros/{id}/items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("column", "STOP", "text", "Flaky deploys", "category", "TECH_DEBT", "anonymous", true))
                .exchange().expectStatus().isCreated();
        String debtId = idOf(as(engineer).post().uri("/api/v1/teams/{id}/tech-debt", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Replace the deploy script", "description", "It fails one time in five",
                        "area", "delivery", "estimate", "3 days", "impact", "HIGH"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        as(pm).post().uri("/api/v1/tech-debt/{id}/votes", debtId).exchange().expectStatus().isNoContent();
        String updateId = idOf(as(pm).post().uri("/api/v1/teams/{id}/product-updates", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "January", "body", "Churn is down.", "metrics", List.of(),
                        "customerVoices", List.of(), "goals", List.of()))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        as(engineer).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange().expectStatus().isNoContent();
        return new EveryReadModel(lead, pm, engineer, teamId, retroId);
    }

    protected static String idOf(Map<?, ?> body) {
        return (String) body.get("id");
    }

    /** Events in the store, read directly: shows what a request stored or did not store. */
    protected long eventCount() {
        return database.getCollection("events").countDocuments();
    }

    /** Whether any stored event's payload or metadata holds this text. */
    protected boolean storedEventsMention(String text) {
        for (Document event : database.getCollection("events").find()) {
            if (event.toJson().contains(text)) {
                return true;
            }
        }
        return false;
    }

    protected long eventCountOf(String aggregateIdentifier) {
        return database.getCollection("events").countDocuments(new Document("aggregateIdentifier", aggregateIdentifier));
    }
}
