package io.retro.web.admin;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.retro.eventstore.SequencedMongoEventStorageEngine;
import io.retro.projections.Projections;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelContents;
import io.retro.projections.shared.ReadModels;
import io.retro.support.RetroIntegrationTest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConsistencyCheckIT extends RetroIntegrationTest {

    @Autowired
    ReadModels readModels;

    @Autowired
    SequencedMongoEventStorageEngine engine;

    @Test
    void findsEveryReadModelExactlyWhatItsEventsSay() {
        touchEveryReadModel("Checked");

        JsonNode report = check();

        assertThat(report.get("consistent").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.get("eventsReplayed").asLong()).isPositive();
        assertThat(report.get("readModels").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(readModels.all().stream().map(ReadModel::name).toList());
        for (JsonNode readModel : report.get("readModels")) {
            assertThat(readModel.get("documents").asInt()).as(readModel.get("name").asText()).isPositive();
            assertThat(readModel.get("differing").asInt()).isZero();
        }
    }

    @Test
    void reportsADocumentTheEventsDoNotExplain() {
        EveryReadModel team = touchEveryReadModel("Tampered with");
        MongoCollection<Document> teams = readModels.named("teams").orElseThrow().forQueries("teams");
        teams.updateOne(eq("_id", team.teamId()), Updates.set("name", "Renamed behind the events' back"));
        try {
            JsonNode report = check();

            assertThat(report.get("consistent").asBoolean()).isFalse();
            JsonNode teamsCheck = readModelCheck(report, "teams");
            assertThat(teamsCheck.get("differing").asInt()).isEqualTo(1);
            JsonNode difference = teamsCheck.get("differences").get(0);
            assertThat(difference.get("id").asText()).isEqualTo(team.teamId());
            assertThat(difference.get("live").asText()).contains("Renamed behind the events' back");
            assertThat(difference.get("rebuilt").asText()).contains("Tampered with");
            assertThat(readModelCheck(report, "retro-boards").get("differing").asInt()).isZero();
        } finally {
            teams.updateOne(eq("_id", team.teamId()), Updates.set("name", "Tampered with"));
        }
    }

    @Test
    void isForTheAdministratorOnly() {
        String user = newUser("Nosy");
        as(user).get().uri("/api/v1/admin/consistency").exchange().expectStatus().isForbidden();
    }

    /**
     * A processor that crashes after handling a batch but before storing its token handles that
     * batch again on restart. Every read model must come out the same as when each event is handled
     * once: here every seventh event, the five events up to it are handled a second time.
     */
    @Test
    void everyReadModelStaysExactWhenEventsAreHandledAgain() throws Exception {
        touchEveryReadModel("Redelivered");
        List<? extends TrackedEventMessage<?>> events;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents((TrackingToken) null, false)) {
            events = stream.toList();
        }

        Map<String, Map<String, Map<String, String>>> once = rebuiltApart(events, false);
        Map<String, Map<String, Map<String, String>>> redelivered = rebuiltApart(events, true);

        assertThat(once).hasSize(readModels.all().size());
        once.forEach((name, contents) -> assertThat(contents.values()).as(name).anyMatch(documents -> !documents.isEmpty()));
        assertThat(redelivered).isEqualTo(once);
    }

    private static Map<String, Map<String, Map<String, String>>> rebuiltApart(List<? extends TrackedEventMessage<?>> events,
            boolean redeliver) {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            ReadModels apart = new ReadModels(client.getDatabase("apart"));
            List<AnnotationEventHandlerAdapter> handlers = Projections.on(apart).stream().map(AnnotationEventHandlerAdapter::new).toList();
            for (int i = 0; i < events.size(); i++) {
                handle(handlers, events.get(i));
                if (redeliver && i % 7 == 6) {
                    for (int again = i - 4; again <= i; again++) {
                        handle(handlers, events.get(again));
                    }
                }
            }
            Map<String, Map<String, Map<String, String>>> contents = new TreeMap<>();
            apart.all().forEach(readModel -> contents.put(readModel.name(), ReadModelContents.of(readModel)));
            return contents;
        } finally {
            server.shutdownNow();
        }
    }

    private static void handle(List<AnnotationEventHandlerAdapter> handlers, TrackedEventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode check() {
        return asAdmin().get().uri("/api/v1/admin/consistency").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode readModelCheck(JsonNode report, String name) {
        for (JsonNode readModel : report.get("readModels")) {
            if (readModel.get("name").asText().equals(name)) {
                return readModel;
            }
        }
        throw new AssertionError("No check of " + name + " in " + report);
    }
}
