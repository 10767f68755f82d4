package io.retro.web.retro;

import io.retro.support.RetroIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Steps the retro integration tests share: start a retro, add items, move phases, read the board. */
abstract class RetroApiSupport extends RetroIntegrationTest {

    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {};
    static final LocalDate START = LocalDate.of(2026, 11, 2);
    static final LocalDate END = LocalDate.of(2026, 11, 13);

    String userId(String username) {
        return (String) as(username).get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    Map<String, Object> startBody(String sprint, int votesPerMember) {
        return Map.of("sprint", sprint, "sprintStart", START.toString(), "sprintEnd", END.toString(),
                "template", "START_STOP_CONTINUE", "votesPerMember", votesPerMember);
    }

    String startRetro(String facilitator, String teamId, int votesPerMember) {
        return idOf(as(facilitator).post().uri("/api/v1/teams/{id}/retros", teamId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody("Sprint 42", votesPerMember))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    WebTestClient.ResponseSpec postItem(String user, String retroId, String column, String text, String category, boolean anonymous) {
        return as(user).post().uri("/api/v1/retros/{id}/items", retroId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("column", column, "text", text, "category", category, "anonymous", anonymous))
                .exchange();
    }

    String addItem(String user, String retroId, String text, boolean anonymous) {
        return idOf(postItem(user, retroId, "START", text, "PROCESS", anonymous)
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    WebTestClient.ResponseSpec phase(String user, String retroId, String phase) {
        return as(user).post().uri("/api/v1/retros/{id}/phase", retroId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phase", phase))
                .exchange();
    }

    void moveTo(String facilitator, String retroId, String... phases) {
        for (String next : phases) {
            phase(facilitator, retroId, next).expectStatus().isNoContent();
        }
    }

    WebTestClient.ResponseSpec vote(String user, String retroId, String itemId) {
        return as(user).post().uri("/api/v1/retros/{id}/items/{item}/votes", retroId, itemId).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> board(String user, String retroId) {
        return as(user).get().uri("/api/v1/retros/{id}", retroId).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> board, String itemId) {
        return ((List<Map<String, Object>>) board.get("items")).stream()
                .filter(item -> itemId.equals(item.get("id")))
                .findFirst().orElseThrow();
    }

    WebTestClient streaming(String user) {
        return as(user).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }
}
