package io.retro.web.productupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProductUpdatesApiIT extends RetroIntegrationTest {

    private String facilitator;
    private String pm;
    private String engineer;
    private String outsider;
    private String teamId;

    @BeforeEach
    void team() {
        facilitator = newUser("Fiona");
        pm = newUser("Pat");
        engineer = newUser("Eve");
        outsider = newUser("Mallory");
        teamId = newTeam(facilitator, "Checkout");
        addMember(facilitator, teamId, pm, "PRODUCT_MANAGER");
        addMember(facilitator, teamId, engineer, "ENGINEER");
    }

    private static Map<String, Object> update(String title) {
        return Map.of(
                "title", title,
                "body", "Usage is **up** this month.",
                "metrics", List.of(Map.of("name", "Weekly active users", "value", 1200, "unit", "users", "change", 0.08)),
                "customerVoices", List.of("Checkout is finally fast"),
                "goals", List.of(Map.of("name", "Self-serve onboarding", "progress", 0.6)));
    }

    private String post(String user, Map<String, Object> body) {
        return idOf(as(user).post().uri("/api/v1/teams/{id}/product-updates", teamId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private String ask(String user, String updateId, String text) {
        return idOf(as(user).post().uri("/api/v1/product-updates/{id}/questions", updateId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    @Test
    void productManagerPostsAndTheTeamReadsTheFeedNewestFirst() {
        String first = post(pm, update("March"));
        String second = post(pm, update("April"));

        as(engineer).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(second)
                .jsonPath("$[1].id").isEqualTo(first)
                .jsonPath("$[0].title").isEqualTo("April")
                .jsonPath("$[0].body").isEqualTo("Usage is **up** this month.")
                .jsonPath("$[0].bodyHtml").isEqualTo("<p>Usage is <strong>up</strong> this month.</p>\n")
                .jsonPath("$[0].metrics[0].name").isEqualTo("Weekly active users")
                .jsonPath("$[0].metrics[0].value").isEqualTo(1200)
                .jsonPath("$[0].metrics[0].unit").isEqualTo("users")
                .jsonPath("$[0].metrics[0].change").isEqualTo(0.08)
                .jsonPath("$[0].customerVoices[0]").isEqualTo("Checkout is finally fast")
                .jsonPath("$[0].goals[0].progress").isEqualTo(0.6)
                .jsonPath("$[0].acknowledgedBy").isEqualTo(0)
                .jsonPath("$[0].questions.length()").isEqualTo(0);
    }

    @Test
    void postAnswers201WithLocation() {
        as(pm).post().uri("/api/v1/teams/{id}/product-updates", teamId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "May", "body", "Quiet month."))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).matches("/api/v1/product-updates/[0-9a-f-]{36}"));
    }

    @Test
    void onlyProductManagersPostAndNothingIsStoredOtherwise() {
        long before = eventCount();
        for (String user : List.of(engineer, facilitator)) {
            as(user).post().uri("/api/v1/teams/{id}/product-updates", teamId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(update("April"))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        as(outsider).post().uri("/api/v1/teams/{id}/product-updates", teamId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(update("April"))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(eventCount()).isEqualTo(before);
        as(engineer).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void outsidersMayNotReadTheFeed() {
        post(pm, update("April"));
        as(outsider).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectStatus().isForbidden();
        asAdmin().get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void unknownTeamOrUpdateIs404() {
        String unknown = UUID.randomUUID().toString();
        as(pm).post().uri("/api/v1/teams/{id}/product-updates", unknown)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(update("April"))
                .exchange().expectStatus().isNotFound();
        as(pm).get().uri("/api/v1/teams/{id}/product-updates", unknown).exchange().expectStatus().isNotFound();
        as(engineer).post().uri("/api/v1/product-updates/{id}/acknowledgements", unknown).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(engineer).post().uri("/api/v1/product-updates/{id}/questions", unknown)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Why?"))
                .exchange().expectStatus().isNotFound();
        String updateId = post(pm, update("April"));
        as(pm).put().uri("/api/v1/product-updates/{id}/questions/{q}/answer", updateId, unknown)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Because."))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void acknowledgementCountsOncePerMember() {
        String updateId = post(pm, update("April"));
        long before = eventCountOf(updateId);

        for (int i = 0; i < 3; i++) {
            as(engineer).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange()
                    .expectStatus().isNoContent();
        }
        as(facilitator).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange()
                .expectStatus().isNoContent();

        assertThat(eventCountOf(updateId)).isEqualTo(before + 2);
        as(engineer).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectBody()
                .jsonPath("$[0].acknowledgedBy").isEqualTo(2)
                .jsonPath("$[0].acknowledgedByMe").isEqualTo(true);
        as(pm).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectBody().jsonPath("$[0].acknowledgedByMe").isEqualTo(false);
    }

    @Test
    void outsidersMayNotAcknowledgeOrAsk() {
        String updateId = post(pm, update("April"));
        long before = eventCountOf(updateId);
        as(outsider).post().uri("/api/v1/product-updates/{id}/acknowledgements", updateId).exchange()
                .expectStatus().isForbidden();
        as(outsider).post().uri("/api/v1/product-updates/{id}/questions", updateId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Why?"))
                .exchange().expectStatus().isForbidden();
        assertThat(eventCountOf(updateId)).isEqualTo(before);
    }

    @Test
    void memberAsksAndProductManagerAnswers() {
        String updateId = post(pm, update("April"));
        String engineerId = as(engineer).get().uri("/api/v1/me").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String questionId = ask(engineer, updateId, "  Why did churn rise?  ");

        as(pm).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectBody()
                .jsonPath("$[0].questions[0].id").isEqualTo(questionId)
                .jsonPath("$[0].questions[0].text").isEqualTo("Why did churn rise?")
                .jsonPath("$[0].questions[0].authorId").isEqualTo(engineerId)
                .jsonPath("$[0].questions[0].answer").isEmpty()
                .jsonPath("$[0].unansweredQuestions").isEqualTo(1);

        as(pm).put().uri("/api/v1/product-updates/{id}/questions/{q}/answer", updateId, questionId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "A pricing change."))
                .exchange().expectStatus().isNoContent();

        as(engineer).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectBody()
                .jsonPath("$[0].questions[0].answer").isEqualTo("A pricing change.")
                .jsonPath("$[0].unansweredQuestions").isEqualTo(0);
    }

    @Test
    void onlyProductManagersAnswer() {
        String updateId = post(pm, update("April"));
        String questionId = ask(engineer, updateId, "Why?");
        long before = eventCountOf(updateId);
        for (String user : List.of(engineer, facilitator, outsider)) {
            as(user).put().uri("/api/v1/product-updates/{id}/questions/{q}/answer", updateId, questionId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Because."))
                    .exchange().expectStatus().isForbidden();
        }
        assertThat(eventCountOf(updateId)).isEqualTo(before);
    }

    @Test
    void invalidUpdatesAre400WithFieldsAndStoreNothing() {
        long before = eventCount();
        List<Map<String, Object>> bodies = List.of(
                Map.of("title", " ", "body", "text"),
                Map.of("title", "x".repeat(201), "body", "text"),
                Map.of("title", "April", "body", "x".repeat(4001)),
                Map.of("title", "April"),
                Map.of("title", "April", "body", "text", "metrics", List.of(Map.of("name", "NPS"))),
                Map.of("title", "April", "body", "text", "goals", List.of(Map.of("name", "Onboarding", "progress", 1.5))),
                Map.of("title", "April", "body", "text", "customerVoices", List.of("")));
        List<String> fields = List.of("title", "title", "body", "body", "metrics[0].value", "goals[0].progress", "customerVoices[0]");
        for (int i = 0; i < bodies.size(); i++) {
            as(pm).post().uri("/api/v1/teams/{id}/product-updates", teamId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bodies.get(i))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[?(@.field == '" + fields.get(i) + "')]").exists();
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void invalidQuestionsAndAnswersAre400AndStoreNothing() {
        String updateId = post(pm, update("April"));
        String questionId = ask(engineer, updateId, "Why?");
        long before = eventCountOf(updateId);
        as(engineer).post().uri("/api/v1/product-updates/{id}/questions", updateId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "   "))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        as(engineer).post().uri("/api/v1/product-updates/{id}/questions", updateId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "x".repeat(4001)))
                .exchange().expectStatus().isBadRequest();
        as(pm).put().uri("/api/v1/product-updates/{id}/questions/{q}/answer", updateId, questionId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{")
                .exchange().expectStatus().isBadRequest();
        assertThat(eventCountOf(updateId)).isEqualTo(before);
    }

    @Test
    void bodyHtmlKeepsNoScriptOrHandler() {
        post(pm, Map.of("title", "Careful", "body",
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))"));
        String html = as(engineer).get().uri("/api/v1/teams/{id}/product-updates", teamId).exchange()
                .expectBodyList(Map.class).returnResult().getResponseBody().get(0).get("bodyHtml").toString();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript").contains("<a ");
    }
}
