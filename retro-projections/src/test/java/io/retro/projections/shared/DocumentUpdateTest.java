package io.retro.projections.shared;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every update the projections send, worked out in memory and by a MongoDB server: the results must agree. */
class DocumentUpdateTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> store;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = client.getDatabase("test").getCollection("documents");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    private record Step(Bson condition, Bson change, boolean upsert) {}

    @Test
    void agreesWithTheServerOnEveryOperatorTheProjectionsUse() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(null, Changes.set("items.a.votes", 0), false));
        steps.add(new Step(null, Changes.combine(Changes.setOnInsert("phase", "REFLECT"), Changes.set("version", 0L)), true));
        steps.add(new Step(null, Changes.setOnInsert("phase", "GROUP"), true));
        steps.add(new Step(lt("version", 1L), Changes.combine(
                Changes.set("items.a", new Document("text", "Slow CI").append("votes", 0).append("voters", new Document())),
                Changes.set("version", 1L)), false));
        steps.add(new Step(lt("version", 1L), Changes.set("items.a.text", "handled twice"), false));
        steps.add(new Step(lt("version", 2L), Changes.combine(Changes.inc("items.a.votes", 1), Changes.inc("items.a.voters.u1", 1),
                Changes.set("version", 2L)), false));
        steps.add(new Step(null, Changes.inc("items.a.votes", -1), false));
        steps.add(new Step(null, Changes.inc("total", 2_000_000_000), false));
        steps.add(new Step(null, Changes.inc("total", 2_000_000_000), false));
        steps.add(new Step(null, Changes.inc("share", 0.5), false));
        steps.add(new Step(exists("actions.x.status", false), Changes.set("actions.x.status", "OPEN"), false));
        steps.add(new Step(exists("actions.x.status", false), Changes.set("actions.x.status", "AGAIN"), false));
        steps.add(new Step(and(exists("actions.x.status"), eq("phase", "REFLECT")), Changes.set("actions.x.done", true), false));
        steps.add(new Step(eq("phase", "VOTE"), Changes.set("actions.x.done", false), false));
        steps.add(new Step(null, Changes.addToSet("itemIds", "i1"), false));
        steps.add(new Step(null, Changes.addToSet("itemIds", "i2"), false));
        steps.add(new Step(null, Changes.addToSet("itemIds", "i1"), false));
        steps.add(new Step(null, Changes.combine(Changes.unset("items.a.voters"), Changes.unset("items.missing.deep"), Changes.unset("nothing")), false));
        steps.add(new Step(null, Changes.set("dueDate", null), false));
        steps.add(new Step(null, Changes.set("tags", List.of("a", "b")), false));

        Document inMemory = null;
        for (Step step : steps) {
            DocumentUpdate update = DocumentUpdate.of(step.condition(), step.change(), step.upsert(), store.getCodecRegistry());
            if (inMemory == null) {
                inMemory = update.insert("d1");
            } else {
                update.applyTo(inMemory);
            }
            store.updateOne(BatchWrites.filter("d1", step.condition()), step.change(), new UpdateOptions().upsert(step.upsert()));
            assertThat(inMemory).as("after %s", step).isEqualTo(store.find(eq("_id", "d1")).first());
        }
        assertThat(inMemory.get("total")).isEqualTo(4_000_000_000L);
    }

    @Test
    void changesTheDocumentOnlyWhenItMeetsTheCondition() {
        Document document = new Document("_id", "d1").append("phase", "VOTE").append("items", new Document("a", new Document("votes", 1)));
        DocumentUpdate inReflect = DocumentUpdate.of(eq("phase", "REFLECT"), Changes.inc("items.a.votes", 1), false, store.getCodecRegistry());
        DocumentUpdate inVote = DocumentUpdate.of(eq("phase", "VOTE"), Changes.inc("items.a.votes", 1), false, store.getCodecRegistry());

        assertThat(inReflect.applyTo(document)).isFalse();
        assertThat(document.get("items", Document.class).get("a", Document.class).get("votes")).isEqualTo(1);
        assertThat(inVote.applyTo(document)).isTrue();
        assertThat(document.get("items", Document.class).get("a", Document.class).get("votes")).isEqualTo(2);
        assertThat(inVote.insert("d2")).as("not an upsert").isNull();
    }

    @Test
    void readsChangesAsTheyAreWithoutEncodingThem() {
        // No codec at all: a change that went through the driver's encoding would fail here.
        CodecRegistry none = CodecRegistries.fromCodecs();
        Document item = new Document("text", "Slow CI").append("voters", new Document());
        DocumentUpdate update = DocumentUpdate.of(null, Changes.combine(Changes.set("items.a", item), Changes.inc("count", 1)), true, none);

        Document first = update.insert("d1");
        Document second = update.insert("d2");
        first.get("items", Document.class).get("a", Document.class).get("voters", Document.class).put("u1", 1);

        assertThat(first.getInteger("count")).isEqualTo(1);
        assertThat(item).as("the handler's value, copied into each document").isEqualTo(
                new Document("text", "Slow CI").append("voters", new Document()));
        assertThat(second.get("items", Document.class).get("a", Document.class).get("voters", Document.class)).isEmpty();
    }

    @Test
    void combinesOnlyChangesItBuilt() {
        assertThatThrownBy(() -> Changes.combine(Changes.set("a", 1), com.mongodb.client.model.Updates.set("b", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Changes");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> DocumentUpdate.of(null, com.mongodb.client.model.Updates.push("list", 1), false, store.getCodecRegistry()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("$push");
        DocumentUpdate update = DocumentUpdate.of(com.mongodb.client.model.Filters.gt("version", 1), Changes.set("a", 1), false,
                store.getCodecRegistry());
        assertThatThrownBy(() -> update.applyTo(new Document("_id", "d1").append("version", 2)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("$gt");
    }
}
