package io.retro.web.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

class RetrosApiIT extends RetroApiSupport {

    @Test
    void facilitatorStartsRetroAndTheTeamListsIt() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");

        as(alice).post().uri("/api/v1/teams/{id}/retros", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody("Sprint 7", 5))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).matches("/api/v1/retros/[0-9a-f-]{36}"));

        as(bob).get().uri("/api/v1/teams/{id}/retros", teamId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].sprint").isEqualTo("Sprint 7")
                .jsonPath("$[0].phase").isEqualTo("REFLECT")
                .jsonPath("$[0].sprintStart").isEqualTo(START.toString())
                .jsonPath("$[0].sprintEnd").isEqualTo(END.toString());
    }

    @Test
    void boardShowsTheTemplateColumnsAndTheCallersBudget() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 4);

        as(alice).get().uri("/api/v1/retros/{id}", retroId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id").isEqualTo(retroId)
                .jsonPath("$.teamId").isEqualTo(teamId)
                .jsonPath("$.sprint").isEqualTo("Sprint 42")
                .jsonPath("$.phase").isEqualTo("REFLECT")
                .jsonPath("$.template").isEqualTo("START_STOP_CONTINUE")
                .jsonPath("$.columns[*].id").isEqualTo(List.of("START", "STOP", "CONTINUE"))
                .jsonPath("$.columns[0].title").isEqualTo("Start")
                .jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.groups.length()").isEqualTo(0)
                .jsonPath("$.actionItems.length()").isEqualTo(0)
                .jsonPath("$.workMix").isEmpty()
                .jsonPath("$.votesPerMember").isEqualTo(4)
                .jsonPath("$.myVotesLeft").isEqualTo(4);
    }

    @Test
    void engineerMayNotStartRetroAndNothingIsStored() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        long before = eventCount();

        as(bob).post().uri("/api/v1/teams/{id}/retros", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody("Sprint 7", 3))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isNotEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void invalidRetroStartsAre400WithFieldErrorsAndStoreNothing() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        long before = eventCount();
        List<Map<String, Object>> bodies = List.of(
                Map.of("sprint", "S", "sprintStart", "2026-11-02", "sprintEnd", "2026-11-13", "template", "NOPE", "votesPerMember", 3),
                Map.of("sprint", " ", "sprintStart", "2026-11-02", "sprintEnd", "2026-11-13", "template", "FOUR_LS", "votesPerMember", 3),
                Map.of("sprint", "S", "sprintStart", "2026-11-02", "sprintEnd", "2026-11-13", "template", "FOUR_LS", "votesPerMember", 0),
                Map.of("sprint", "S", "sprintStart", "2026-11-02", "template", "FOUR_LS", "votesPerMember", 3));
        for (Map<String, Object> body : bodies) {
            as(alice).post().uri("/api/v1/teams/{id}/retros", teamId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        as(alice).post().uri("/api/v1/teams/{id}/retros", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sprint", "S", "sprintStart", "2026-11-13", "sprintEnd", "2026-11-02",
                        "template", "FOUR_LS", "votesPerMember", 3))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sprintEnd");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void outsidersGet403AndAdminMayRead() {
        String alice = newUser("Alice");
        String mallory = newUser("Mallory");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 3);
        long before = eventCountOf(retroId);

        as(mallory).get().uri("/api/v1/retros/{id}", retroId).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(mallory).get().uri("/api/v1/teams/{id}/retros", teamId).exchange().expectStatus().isForbidden();
        postItem(mallory, retroId, "START", "Let me in", "PROCESS", false).expectStatus().isForbidden();
        as(mallory).get().uri("/api/v1/retros/{id}/stream", retroId).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden();
        as(mallory).post().uri("/api/v1/teams/{id}/retros", teamId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody("Sprint 7", 3)).exchange().expectStatus().isForbidden();
        assertThat(eventCountOf(retroId)).isEqualTo(before);

        asAdmin().get().uri("/api/v1/retros/{id}", retroId).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/retros/{id}", retroId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownRetroOrItemIs404() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String unknown = UUID.randomUUID().toString();
        as(alice).get().uri("/api/v1/retros/{id}", unknown).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        postItem(alice, unknown, "START", "Hello", "PROCESS", false).expectStatus().isNotFound();
        String retroId = startRetro(alice, teamId, 3);
        as(alice).put().uri("/api/v1/retros/{id}/items/{item}", retroId, unknown).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "x", "category", "BUG")).exchange()
                .expectStatus().isNotFound();
        as(alice).post().uri("/api/v1/teams/{id}/retros", unknown).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody("Sprint 7", 3)).exchange().expectStatus().isNotFound();
    }

    @Test
    void itemsAreAddedOnlyInReflectAndIntoTheTemplatesColumns() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);
        String bobId = userId(bob);

        String itemId = idOf(postItem(bob, retroId, "STOP", "  Friday deploys  ", "BUG", false)
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/api/v1/retros/" + retroId + "/items/"))
                .expectBody(Map.class).returnResult().getResponseBody());
        Map<String, Object> item = item(board(alice, retroId), itemId);
        assertThat(item).containsEntry("column", "STOP").containsEntry("text", "Friday deploys")
                .containsEntry("category", "BUG").containsEntry("authorId", bobId).containsEntry("groupId", null)
                .containsEntry("votes", null);

        long before = eventCountOf(retroId);
        postItem(bob, retroId, "WENT_WELL", "Wrong column", "BUG", false).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("column");
        postItem(bob, retroId, "STOP", "x".repeat(4001), "BUG", false).expectStatus().isBadRequest();
        postItem(bob, retroId, "STOP", "Bad category", "COFFEE", false).expectStatus().isBadRequest();
        moveTo(alice, retroId, "GROUP");
        before++;
        postItem(bob, retroId, "STOP", "Too late", "BUG", false).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventCountOf(retroId)).isEqualTo(before);
    }

    @Test
    void authorOrFacilitatorEditsAndDeletesItems() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String carol = newUser("Carol");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        addMember(alice, teamId, carol, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);
        String itemId = addItem(bob, retroId, "Pair more", false);
        String anonymousId = addItem(bob, retroId, "Secret worry", true);

        as(carol).put().uri("/api/v1/retros/{id}/items/{item}", retroId, itemId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Hijacked", "category", "BUG")).exchange()
                .expectStatus().isForbidden();
        as(carol).delete().uri("/api/v1/retros/{id}/items/{item}", retroId, anonymousId).exchange()
                .expectStatus().isForbidden();

        as(bob).put().uri("/api/v1/retros/{id}/items/{item}", retroId, itemId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Pair every day", "category", "FEATURE")).exchange()
                .expectStatus().isNoContent();
        as(bob).put().uri("/api/v1/retros/{id}/items/{item}", retroId, anonymousId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "A quieter worry", "category", "PROCESS")).exchange()
                .expectStatus().isNoContent();
        assertThat(item(board(carol, retroId), itemId)).containsEntry("text", "Pair every day").containsEntry("category", "FEATURE");
        assertThat(item(board(carol, retroId), anonymousId)).containsEntry("text", "A quieter worry").containsEntry("authorId", null);

        as(alice).delete().uri("/api/v1/retros/{id}/items/{item}", retroId, itemId).exchange().expectStatus().isNoContent();
        as(bob).delete().uri("/api/v1/retros/{id}/items/{item}", retroId, anonymousId).exchange().expectStatus().isNoContent();
        assertThat((List<?>) board(carol, retroId).get("items")).isEmpty();
    }

    @Test
    void groupsAreMadeOnlyInGroup() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 3);
        String first = addItem(alice, retroId, "Slow CI", false);
        String second = addItem(alice, retroId, "Flaky tests", false);

        as(alice).post().uri("/api/v1/retros/{id}/groups", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Build", "itemIds", List.of(first, second))).exchange()
                .expectStatus().isEqualTo(409);
        moveTo(alice, retroId, "GROUP");
        as(alice).post().uri("/api/v1/retros/{id}/groups", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Build", "itemIds", List.of("nope"))).exchange()
                .expectStatus().isBadRequest();
        String groupId = idOf(as(alice).post().uri("/api/v1/retros/{id}/groups", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Build", "itemIds", List.of(first, second))).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());

        as(alice).get().uri("/api/v1/retros/{id}", retroId).exchange().expectBody()
                .jsonPath("$.groups[0].id").isEqualTo(groupId)
                .jsonPath("$.groups[0].title").isEqualTo("Build")
                .jsonPath("$.groups[0].itemIds").isEqualTo(List.of(first, second))
                .jsonPath("$.items[0].groupId").isEqualTo(groupId);
    }

    @Test
    void votesAreHiddenFromEveryoneUntilVotingEnds() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);
        String itemId = addItem(bob, retroId, "Pair more", false);
        moveTo(alice, retroId, "GROUP", "VOTE");

        vote(bob, retroId, itemId).expectStatus().isNoContent();
        vote(bob, retroId, itemId).expectStatus().isNoContent();
        vote(alice, retroId, itemId).expectStatus().isNoContent();

        for (String reader : List.of(alice, bob, "admin")) {
            assertThat(item(board(reader, retroId), itemId)).containsEntry("votes", null);
        }
        assertThat(board(bob, retroId)).containsEntry("myVotesLeft", 1);
        assertThat(board(alice, retroId)).containsEntry("myVotesLeft", 2);
        assertThat(item(board(bob, retroId), itemId)).containsEntry("myVotes", 2);

        moveTo(alice, retroId, "DISCUSS");
        assertThat(item(board(bob, retroId), itemId)).containsEntry("votes", 3);
    }

    @Test
    void aWithdrawnVoteReturnsToTheBudget() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 1);
        String itemId = addItem(alice, retroId, "Pair more", false);
        String otherId = addItem(alice, retroId, "Ship smaller", false);
        moveTo(alice, retroId, "GROUP", "VOTE");

        as(alice).delete().uri("/api/v1/retros/{id}/items/{item}/votes", retroId, itemId).exchange()
                .expectStatus().isEqualTo(409);
        vote(alice, retroId, itemId).expectStatus().isNoContent();
        vote(alice, retroId, otherId).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("used all 1"));
        as(alice).delete().uri("/api/v1/retros/{id}/items/{item}/votes", retroId, itemId).exchange()
                .expectStatus().isNoContent();
        assertThat(board(alice, retroId)).containsEntry("myVotesLeft", 1);
        vote(alice, retroId, otherId).expectStatus().isNoContent();
    }

    @Test
    void votesOutsideVoteAre409() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 3);
        String itemId = addItem(alice, retroId, "Pair more", false);
        vote(alice, retroId, itemId).expectStatus().isEqualTo(409);
        moveTo(alice, retroId, "GROUP", "VOTE", "DISCUSS");
        vote(alice, retroId, itemId).expectStatus().isEqualTo(409);
    }

    @Test
    void twelveParallelVotesAgainstABudgetOfThreeAcceptExactlyThree() throws Exception {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);
        String itemId = addItem(alice, retroId, "Pair more", false);
        String otherId = addItem(alice, retroId, "Ship smaller", false);
        moveTo(alice, retroId, "GROUP", "VOTE");
        long before = eventCountOf(retroId);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                String target = i % 2 == 0 ? itemId : otherId;
                Callable<Integer> request = () -> {
                    gate.await();
                    return vote(bob, retroId, target).returnResult(Void.class).getStatus().value();
                };
                statuses.add(pool.submit(request));
            }
            gate.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes.stream().filter(code -> code >= 200 && code < 300)).hasSize(3);
            assertThat(codes.stream().filter(code -> code == 409)).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCountOf(retroId)).isEqualTo(before + 3);
        assertThat(board(bob, retroId)).containsEntry("myVotesLeft", 0);
    }

    @Test
    void phasesMoveOnlyForwardOneAtATimeByAFacilitator() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);

        phase(bob, retroId, "GROUP").expectStatus().isForbidden();
        phase(alice, retroId, "VOTE").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        phase(alice, retroId, "LATER").expectStatus().isBadRequest();
        phase(alice, retroId, "REFLECT").expectStatus().isEqualTo(409);
        moveTo(alice, retroId, "GROUP", "VOTE", "DISCUSS", "CLOSED");
        phase(alice, retroId, "REFLECT").expectStatus().isEqualTo(409);
        as(bob).get().uri("/api/v1/teams/{id}/retros", teamId).exchange().expectBody()
                .jsonPath("$[0].phase").isEqualTo("CLOSED");
    }

    @Test
    void actionItemsInDiscussWithOwnersAndStatusAlsoAfterClosed() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String mallory = newUser("Mallory");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);
        String bobId = userId(bob);
        Map<String, Object> action = Map.of("text", "Automate deploys", "ownerId", bobId, "dueDate", "2026-12-01");

        as(alice).post().uri("/api/v1/retros/{id}/action-items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(action).exchange().expectStatus().isEqualTo(409);
        moveTo(alice, retroId, "GROUP", "VOTE", "DISCUSS");
        as(alice).post().uri("/api/v1/retros/{id}/action-items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Automate deploys", "ownerId", userId(mallory))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ownerId");
        String actionId = idOf(as(alice).post().uri("/api/v1/retros/{id}/action-items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(action).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        moveTo(alice, retroId, "CLOSED");

        as(bob).put().uri("/api/v1/retros/{id}/action-items/{a}", retroId, actionId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "DONE")).exchange().expectStatus().isNoContent();
        as(bob).put().uri("/api/v1/retros/{id}/action-items/{a}", retroId, actionId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "LATER")).exchange().expectStatus().isBadRequest();
        as(bob).get().uri("/api/v1/retros/{id}", retroId).exchange().expectBody()
                .jsonPath("$.actionItems[0].id").isEqualTo(actionId)
                .jsonPath("$.actionItems[0].text").isEqualTo("Automate deploys")
                .jsonPath("$.actionItems[0].ownerId").isEqualTo(bobId)
                .jsonPath("$.actionItems[0].dueDate").isEqualTo("2026-12-01")
                .jsonPath("$.actionItems[0].status").isEqualTo("DONE");
    }

    @Test
    void facilitatorRecordsTheWorkMix() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);
        Map<String, Object> mix = Map.of("unit", "POINTS", "feature", 13, "maintenance", 5, "techDebt", 3, "bug", 2, "process", 1);

        as(bob).put().uri("/api/v1/retros/{id}/work-mix", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mix).exchange().expectStatus().isForbidden();
        long before = eventCountOf(retroId);
        as(alice).put().uri("/api/v1/retros/{id}/work-mix", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("unit", "POINTS", "feature", -1, "maintenance", 5, "techDebt", 3, "bug", 2, "process", 1))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("feature");
        as(alice).put().uri("/api/v1/retros/{id}/work-mix", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("unit", "DAYS", "feature", 1, "maintenance", 5, "techDebt", 3, "bug", 2, "process", 1))
                .exchange().expectStatus().isBadRequest();
        assertThat(eventCountOf(retroId)).isEqualTo(before);
        as(alice).put().uri("/api/v1/retros/{id}/work-mix", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mix).exchange().expectStatus().isNoContent();
        as(bob).get().uri("/api/v1/retros/{id}", retroId).exchange().expectBody()
                .jsonPath("$.workMix.unit").isEqualTo("POINTS")
                .jsonPath("$.workMix.feature").isEqualTo(13)
                .jsonPath("$.workMix.techDebt").isEqualTo(3);
    }

    @Test
    void aNewRetroOpensWithTheTeamsOpenActionItemsForReview() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String aliceId = userId(alice);
        String first = startRetro(alice, teamId, 3);
        moveTo(alice, first, "GROUP", "VOTE", "DISCUSS");
        String kept = addAction(alice, first, "Automate deploys", aliceId);
        String done = addAction(alice, first, "Write runbook", aliceId);
        String closedEarly = addAction(alice, first, "Fix alerting", aliceId);
        as(alice).put().uri("/api/v1/retros/{id}/action-items/{a}", first, closedEarly).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "DONE")).exchange().expectStatus().isNoContent();
        moveTo(alice, first, "CLOSED");

        String second = startRetro(alice, teamId, 3);
        as(alice).get().uri("/api/v1/retros/{id}", second).exchange().expectBody()
                .jsonPath("$.carriedActionItems.length()").isEqualTo(2)
                .jsonPath("$.carriedActionItems[?(@.id == '" + kept + "')].sourceRetroId").isEqualTo(first)
                .jsonPath("$.carriedActionItems[?(@.id == '" + done + "')].text").isEqualTo("Write runbook");
        review(alice, second, done, "DONE");
        review(alice, second, kept, "KEEP");
        as(alice).put().uri("/api/v1/retros/{id}/carried-action-items/{a}", second, closedEarly).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "DONE")).exchange().expectStatus().isNotFound();
        as(alice).get().uri("/api/v1/retros/{id}", first).exchange().expectBody()
                .jsonPath("$.actionItems[?(@.id == '" + done + "')].status").isEqualTo("DONE");

        String third = startRetro(alice, teamId, 3);
        as(alice).get().uri("/api/v1/retros/{id}", third).exchange().expectBody()
                .jsonPath("$.carriedActionItems.length()").isEqualTo(1)
                .jsonPath("$.carriedActionItems[0].id").isEqualTo(kept);
    }

    @Test
    void closedRetroGivesItsSummaryAsCsv() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 3);
        String popular = addItem(alice, retroId, "Pair more, ship \"smaller\"", false);
        addItem(alice, retroId, "=HYPERLINK(\"x\")", false);
        moveTo(alice, retroId, "GROUP", "VOTE");
        vote(alice, retroId, popular).expectStatus().isNoContent();

        as(alice).get().uri("/api/v1/retros/{id}", retroId).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isEqualTo(409);
        moveTo(alice, retroId, "DISCUSS");
        addAction(alice, retroId, "Automate deploys", userId(alice));
        moveTo(alice, retroId, "CLOSED");
        as(alice).put().uri("/api/v1/retros/{id}/work-mix", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("unit", "POINTS", "feature", 6, "maintenance", 2, "techDebt", 1, "bug", 1, "process", 1))
                .exchange().expectStatus().isNoContent();

        String csv = as(alice).get().uri("/api/v1/retros/{id}", retroId).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().toList()).first().isEqualTo("section,category,text,votes,ownerId,dueDate,status,amount,unit");
        assertThat(csv).contains("top-item,PROCESS,\"Pair more, ship \"\"smaller\"\"\",1,")
                .contains("top-item,PROCESS,\"'=HYPERLINK(\"\"x\"\")\",0,")
                .contains("action-item,,Automate deploys,," + userId(alice))
                .contains("work-mix,FEATURE,,,,,,6,POINTS")
                .contains("maintenance-share,,,,,,,0.4000,SHARE");
        as(alice).get().uri("/api/v1/retros/{id}", retroId).exchange()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void theStreamSendsOneEventPerBoardChangeWithIdsAndTypesOnly() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 3);
        String otherRetro = startRetro(alice, teamId, 3);
        List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = streaming(alice).get().uri("/api/v1/retros/{id}/stream", retroId)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE).getResponseBody()
                .subscribe(events::add);
        try {
            awaitUntil(() -> !events.isEmpty());
            addItem(alice, otherRetro, "Elsewhere", false);
            addItem(alice, retroId, "Pair more", false);
            moveTo(alice, retroId, "GROUP");
            awaitUntil(() -> changes(events).size() >= 2);
        } finally {
            subscription.dispose();
        }
        List<ServerSentEvent<String>> changes = changes(events);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).data()).contains(retroId).contains("RetroItemAddedEvent").doesNotContain("Pair more");
        assertThat(changes.get(1).data()).contains("RetroPhaseChangedEvent");
    }

    @Test
    void theAnonymousAuthorsIdAppearsInNoResponse() {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Checkout");
        addMember(alice, teamId, bob, "ENGINEER");
        String bobId = userId(bob);
        String retroId = startRetro(alice, teamId, 3);
        List<String> bodies = new ArrayList<>();
        List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
        Disposable subscription = streaming(alice).get().uri("/api/v1/retros/{id}/stream", retroId)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .returnResult(SSE).getResponseBody()
                .subscribe(events::add);
        try {
            awaitUntil(() -> !events.isEmpty());
            Map<?, ?> created = postItem(bob, retroId, "STOP", "I am worried about on-call", "PROCESS", true)
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            bodies.add(String.valueOf(created));
            String itemId = idOf(created);
            as(bob).put().uri("/api/v1/retros/{id}/items/{item}", retroId, itemId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "Worried about on-call load", "category", "PROCESS")).exchange()
                    .expectStatus().isNoContent();
            for (String phase : List.of("GROUP", "VOTE", "DISCUSS", "CLOSED")) {
                for (String reader : List.of(alice, bob, "admin")) {
                    bodies.add(as(reader).get().uri("/api/v1/retros/{id}", retroId).exchange()
                            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
                }
                moveTo(alice, retroId, phase);
            }
            bodies.add(as(bob).get().uri("/api/v1/retros/{id}", retroId).exchange()
                    .expectBody(String.class).returnResult().getResponseBody());
            bodies.add(as(alice).get().uri("/api/v1/retros/{id}", retroId).accept(MediaType.parseMediaType("text/csv")).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            bodies.add(as(bob).get().uri("/api/v1/teams/{id}/retros", teamId).exchange()
                    .expectBody(String.class).returnResult().getResponseBody());
            awaitUntil(() -> changes(events).size() >= 6);
        } finally {
            subscription.dispose();
        }
        events.forEach(event -> bodies.add(String.valueOf(event.data()) + event.id() + event.event() + event.comment()));
        assertThat(bodies).hasSizeGreaterThan(15).allSatisfy(body -> assertThat(body).doesNotContain(bobId));
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("Worried about on-call load"));
    }

    @Test
    void aRepeatedItemPostWithTheSameIdempotencyKeyStoresOneItem() {
        String alice = newUser("Alice");
        String teamId = newTeam(alice, "Checkout");
        String retroId = startRetro(alice, teamId, 3);
        String key = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(idOf(as(alice).post().uri("/api/v1/retros/{id}/items", retroId)
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("column", "START", "text", "Once", "category", "PROCESS"))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody()));
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat((List<?>) board(alice, retroId).get("items")).hasSize(1);
    }

    private String addAction(String user, String retroId, String text, String ownerId) {
        return idOf(as(user).post().uri("/api/v1/retros/{id}/action-items", retroId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text, "ownerId", ownerId)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private void review(String user, String retroId, String actionItemId, String decision) {
        as(user).put().uri("/api/v1/retros/{id}/carried-action-items/{a}", retroId, actionItemId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", decision)).exchange().expectStatus().isNoContent();
    }

    private static List<ServerSentEvent<String>> changes(List<ServerSentEvent<String>> events) {
        return events.stream().filter(event -> "board-changed".equals(event.event())).toList();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
