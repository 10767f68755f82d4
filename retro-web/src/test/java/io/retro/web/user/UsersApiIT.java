package io.retro.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class UsersApiIT extends RetroIntegrationTest {

    @Test
    void meAnswers401WithoutCredentials() {
        web.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"Retro\"")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void meAnswers401ForWrongPassword() {
        web.get().uri("/api/v1/me").headers(h -> h.setBasicAuth("admin", "wrong-password")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void meShowsAdmin() {
        asAdmin().get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.teams").isArray();
    }

    @Test
    void adminCreatesUserWhoCanSignIn() {
        String username = newUser("Ada Lovelace");
        as(username).get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.displayName").isEqualTo("Ada Lovelace")
                .jsonPath("$.teams.length()").isEqualTo(0);
    }

    @Test
    void createdUserAnswers201WithLocation() {
        asAdmin().post().uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "grace-" + System.nanoTime(), "password", PASSWORD, "displayName", "Grace"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/users/"))
                .expectBody().jsonPath("$.id").isNotEmpty();
    }

    @Test
    void onlyAdminCreatesUsers() {
        String username = newUser("Linus");
        as(username).post().uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "someone-" + System.nanoTime(), "password", PASSWORD, "displayName", "X"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void takenUsernameIsAConflict() {
        String username = newUser("Margaret");
        asAdmin().post().uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Another"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void invalidUserNamesEveryBadField() {
        asAdmin().post().uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "  ", "password", "short", "displayName", "x".repeat(201)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'username')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists()
                .jsonPath("$.errors[?(@.field == 'displayName')]").exists();
    }

    @Test
    void tooManyWrongPasswordsAre429EvenWithTheRightOneThen() {
        String username = newUser("Target");
        for (int i = 0; i < 10; i++) {
            String guess = "guess-" + i;
            web.get().uri("/api/v1/me").headers(h -> h.setBasicAuth(username, guess)).exchange()
                    .expectStatus().isUnauthorized();
        }
        as(username).get().uri("/api/v1/me").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        asAdmin().get().uri("/api/v1/me").exchange().expectStatus().isOk();
    }

    @Test
    void deletingAUserErasesTheirNameAndTeamsShowAFormerMember() {
        String alice = newUser("Alice");
        String bob = newUser("Bobby Tables");
        String bobsId = (String) as(bob).get().uri("/api/v1/me").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String teamId = newTeam(alice, "Privacy");
        addMember(alice, teamId, bob, "ENGINEER");

        as(bob).delete().uri("/api/v1/users/{id}", bobsId).exchange().expectStatus().isForbidden();
        asAdmin().delete().uri("/api/v1/users/{id}", bobsId).exchange().expectStatus().isNoContent();

        as(bob).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
        as(alice).get().uri("/api/v1/teams/{id}", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.members[?(@.userId == '" + bobsId + "')].displayName").isEqualTo("Former member")
                .jsonPath("$.members[?(@.userId == '" + bobsId + "')].role").isEqualTo("ENGINEER");
        asAdmin().delete().uri("/api/v1/users/{id}", bobsId).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedEventsMention("Bobby Tables")).isFalse();
        assertThat(storedEventsMention(bob)).isFalse();
    }
}
