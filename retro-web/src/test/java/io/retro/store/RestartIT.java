package io.retro.store;

import io.retro.RetroApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Stops the service and starts it again on the same data folder: everything is still there. */
class RestartIT {

    private static final String ADMIN_PASSWORD = "restart-admin-1";

    @TempDir
    Path dataDir;

    @Test
    void usersTeamsMembersAndBandsSurviveARestart() {
        String teamId;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient admin = client(first, "admin", ADMIN_PASSWORD);
            admin.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "bob", "password", "bob-password", "displayName", "Bob"))
                    .exchange().expectStatus().isCreated();
            teamId = (String) admin.post().uri("/api/v1/teams").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Durable"))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id");
            admin.post().uri("/api/v1/teams/{id}/members", teamId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "bob", "role", "ENGINEER"))
                    .exchange().expectStatus().isNoContent();
            admin.put().uri("/api/v1/teams/{id}/balance-target", teamId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("maintenanceMin", 0.25, "maintenanceMax", 0.35, "rationale", "kept", "effectiveFrom", "2026-01-01"))
                    .exchange().expectStatus().isNoContent();
        }

        try (ConfigurableApplicationContext second = start()) {
            WebTestClient bob = client(second, "bob", "bob-password");
            bob.get().uri("/api/v1/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.teams[0].teamId").isEqualTo(teamId);
            bob.get().uri("/api/v1/teams/{id}", teamId).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.name").isEqualTo("Durable")
                    .jsonPath("$.members.length()").isEqualTo(2)
                    .jsonPath("$.members[?(@.displayName == 'Bob')].role").isEqualTo("ENGINEER")
                    .jsonPath("$.balanceTarget.maintenanceMin").isEqualTo(0.25)
                    .jsonPath("$.balanceTarget.rationale").isEqualTo("kept");
            // The admin password is applied on first start only.
            client(second, "admin", ADMIN_PASSWORD).get().uri("/api/v1/me").exchange().expectStatus().isOk();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RetroApplication.class).run(
                "--server.port=0",
                "--retro.store.data-dir=" + dataDir,
                "--retro.admin-password=" + ADMIN_PASSWORD);
    }

    private static WebTestClient client(ConfigurableApplicationContext context, String user, String password) {
        int port = ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .build();
    }
}
