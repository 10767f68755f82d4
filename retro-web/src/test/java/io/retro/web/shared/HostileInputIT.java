package io.retro.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Hostile input at every endpoint of the API that takes a body or an id: each field of a valid body
 * replaced by a wrong type, null, a huge string, a query operator, an invalid date or enum; whole
 * bodies that are deep, malformed or oversized; ids that are not ids. Never a 5xx, every 4xx a
 * problem document, and a refused request stores nothing.
 */
class HostileInputIT extends RetroIntegrationTest {

    private static final List<Object> HOSTILE_VALUES = Arrays.asList(
            null, 42, -1, 1e308, true, "", "x".repeat(100_000), "2026-13-45", "NOPE",
            List.of("x"), Map.of("$gt", ""), Map.of("$where", "sleep(1000)"));

    private String facilitator;
    private String pm;
    private String teamId;
    private String retroId;
    private String itemId;
    private String updateId;
    private String debtId;

    @BeforeEach
    void teamWithSomethingOfEverything() {
        facilitator = newUser("Fay");
        pm = newUser("Pim");
        teamId = newTeam(facilitator, "Hostile");
        addMember(facilitator, teamId, pm, "PRODUCT_MANAGER");
        retroId = sprintWithWorkMix(facilitator, teamId, "Sprint 1", "2026-01-05", "2026-01-16", 8, 1, 1, 0, 0);
        itemId = created(facilitator, "/api/v1/retros/" + retroId + "/items",
                Map.of("column", "STOP", "text", "Flaky", "category", "BUG", "anonymous", false));
        updateId = created(pm, "/api/v1/teams/" + teamId + "/product-updates",
                Map.of("title", "T", "body", "B", "metrics", List.of(), "customerVoices", List.of(), "goals", List.of()));
        debtId = created(facilitator, "/api/v1/teams/" + teamId + "/tech-debt",
                Map.of("title", "T", "description", "D", "area", "A", "estimate", "E", "impact", "LOW"));
    }

    private record Endpoint(String user, HttpMethod method, String path, Map<String, Object> validBody) {}

    private List<Endpoint> endpointsWithBodies() {
        String retro = "/api/v1/retros/" + retroId;
        return List.of(
                new Endpoint("admin", HttpMethod.POST, "/api/v1/users",
                        Map.of("username", "someone-new", "password", "password-9", "displayName", "Someone")),
                new Endpoint(facilitator, HttpMethod.POST, "/api/v1/teams", Map.of("name", "Another")),
                new Endpoint(facilitator, HttpMethod.POST, "/api/v1/teams/" + teamId + "/members",
                        Map.of("username", pm, "role", "ENGINEER")),
                new Endpoint(facilitator, HttpMethod.PUT, "/api/v1/teams/" + teamId + "/balance-target",
                        Map.of("maintenanceMin", 0.2, "maintenanceMax", 0.4, "rationale", "R", "effectiveFrom", "2026-01-01")),
                new Endpoint(facilitator, HttpMethod.POST, "/api/v1/teams/" + teamId + "/retros",
                        Map.of("sprint", "S", "sprintStart", "2026-02-02", "sprintEnd", "2026-02-13",
                                "template", "MAD_SAD_GLAD", "votesPerMember", 3)),
                new Endpoint(facilitator, HttpMethod.POST, retro + "/items",
                        Map.of("column", "STOP", "text", "T", "category", "BUG", "anonymous", true)),
                new Endpoint(facilitator, HttpMethod.PUT, retro + "/items/" + itemId, Map.of("text", "T", "category", "BUG")),
                new Endpoint(facilitator, HttpMethod.POST, retro + "/groups", Map.of("title", "G", "itemIds", List.of(itemId))),
                new Endpoint(facilitator, HttpMethod.POST, retro + "/phase", Map.of("phase", "DISCUSS")),
                new Endpoint(facilitator, HttpMethod.POST, retro + "/action-items",
                        Map.of("text", "T", "ownerId", "someone", "dueDate", "2026-02-01")),
                new Endpoint(facilitator, HttpMethod.PUT, retro + "/work-mix",
                        Map.of("unit", "POINTS", "feature", 1, "maintenance", 1, "techDebt", 1, "bug", 1, "process", 1)),
                new Endpoint(pm, HttpMethod.POST, "/api/v1/teams/" + teamId + "/product-updates",
                        Map.of("title", "T", "body", "B", "metrics", List.of(Map.of("name", "N", "value", "1", "unit", "U", "change", "+1")),
                                "customerVoices", List.of("V"), "goals", List.of(Map.of("name", "G", "progress", 0.5)))),
                new Endpoint(facilitator, HttpMethod.POST, "/api/v1/product-updates/" + updateId + "/questions", Map.of("text", "Q")),
                new Endpoint(facilitator, HttpMethod.POST, "/api/v1/teams/" + teamId + "/tech-debt",
                        Map.of("title", "T", "description", "D", "area", "A", "estimate", "E", "impact", "HIGH")),
                new Endpoint(facilitator, HttpMethod.POST, "/api/v1/tech-debt/" + debtId + "/status",
                        Map.of("status", "ACCEPTED", "note", "N")));
    }

    @Test
    void everyFieldOfEveryBodyWithHostileValues() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpointsWithBodies()) {
            for (String field : endpoint.validBody().keySet()) {
                for (Object value : HOSTILE_VALUES) {
                    Map<String, Object> body = new LinkedHashMap<>(endpoint.validBody());
                    body.put(field, value);
                    check(endpoint, body, endpoint.method() + " " + endpoint.path() + " " + field + "=" + describe(value), problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void wholeBodiesThatAreDeepMalformedOrOversized() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String wrapped = "{\"name\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000) + "}";
        List<String> bodies = List.of(deep, wrapped, "{", "[]", "null", "\"text\"", "", "{\"name\":\"" + "x".repeat(300_000) + "\"}");
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpointsWithBodies()) {
            for (String body : bodies) {
                check(endpoint, body, endpoint.method() + " " + endpoint.path() + " body of " + body.length() + " chars", problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void idsThatAreNotIds() {
        List<String> ids = List.of("$gt", "{\"$gt\":\"\"}", "../../admin", "x".repeat(5_000), "\u0000", "'; drop");
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            for (String path : List.of("/api/v1/teams/{id}", "/api/v1/retros/{id}", "/api/v1/teams/{id}/health",
                    "/api/v1/teams/{id}/state", "/api/v1/teams/{id}/reviews/2026-Q1", "/api/v1/teams/{id}/tech-debt")) {
                checkStatus(HttpMethod.GET, path, id, problems);
            }
            for (String path : List.of("/api/v1/retros/{id}/items/{id}/votes", "/api/v1/tech-debt/{id}/votes",
                    "/api/v1/product-updates/{id}/acknowledgements")) {
                checkStatus(HttpMethod.POST, path, id, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private void checkStatus(HttpMethod method, String path, String id, List<String> problems) {
        long before = eventCount();
        EntityExchangeResult<byte[]> result = as(facilitator).method(method).uri(path, id, id).exchange().expectBody().returnResult();
        record(method + " " + path + " id=" + describe(id), result, before, problems);
    }

    private void check(Endpoint endpoint, Object body, String what, List<String> problems) {
        long before = eventCount();
        var request = as(endpoint.user()).method(endpoint.method()).uri(endpoint.path());
        EntityExchangeResult<byte[]> result = (body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body instanceof String text ? text : body).exchange())
                .expectBody().returnResult();
        record(what, result, before, problems);
    }

    private void record(String what, EntityExchangeResult<byte[]> result, long before, List<String> problems) {
        int status = result.getStatus().value();
        if (status >= 500) {
            problems.add(what + " answered " + status);
        } else if (status >= 400) {
            MediaType type = result.getResponseHeaders().getContentType();
            if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                problems.add(what + " answered " + status + " as " + type);
            }
            if (eventCount() != before) {
                problems.add(what + " answered " + status + " but stored " + (eventCount() - before) + " events");
            }
        }
    }

    private String created(String user, String path, Map<String, Object> body) {
        return idOf(as(user).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 20 ? text.substring(0, 20) + "…(" + text.length() + ")" : text;
    }
}
