package io.retro.projections.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.retro.api.health.FindTeamHealthQuery;
import io.retro.api.health.Granularity;
import io.retro.api.health.HealthPointView.CategorySentimentView;
import io.retro.api.retro.RetroItemAddedEvent;
import io.retro.api.retro.RetroItemDeletedEvent;
import io.retro.api.retro.RetroItemEditedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixRecordedEvent;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.TeamCreatedEvent;
import io.retro.projections.shared.BatchWrites;
import io.retro.projections.shared.ReadModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthProjectionTest {

    private static final String TEAM = "team-1";
    private static final String RETRO = "retro-1";
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final LocalDate END = LocalDate.of(2026, 11, 13);

    private MongoServer server;
    private MongoClient client;
    private ReadModels readModels;
    private HealthProjection health;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        readModels = new ReadModels(client.getDatabase("test"));
        health = new HealthProjection(readModels);
        health.on(new TeamCreatedEvent(TEAM, "Checkout", "lead"));
        health.on(new RetroStartedEvent(RETRO, TEAM, "Sprint 1", START, END, RetroTemplate.MAD_SAD_GLAD, 3, List.of(), "lead"));
        health.on(new WorkMixRecordedEvent(RETRO, TEAM, new WorkMix(WorkMixUnit.POINTS, BigDecimal.TEN, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO), "lead"));
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    private void added(String itemId, String column, WorkCategory category) {
        health.on(new RetroItemAddedEvent(RETRO, itemId, column, "text", category, null, "seal"));
    }

    /** Items that come, change category and go, ending with one negative tech-debt item and one negative feature item. */
    private void itemsComeChangeAndGo() {
        added("item-1", "MAD", WorkCategory.TECH_DEBT);
        added("item-2", "GLAD", WorkCategory.TECH_DEBT);
        added("item-3", "SAD", WorkCategory.BUG);
        added("item-4", "GLAD", null);
        health.on(new RetroItemEditedEvent(RETRO, "item-3", "text", WorkCategory.FEATURE));
        health.on(new RetroItemEditedEvent(RETRO, "item-2", "text", null));
        health.on(new RetroItemDeletedEvent(RETRO, "item-2"));
    }

    private static final List<CategorySentimentView> AFTER_COMING_CHANGING_AND_GOING = List.of(
            new CategorySentimentView(WorkCategory.FEATURE, 0, 1, 0),
            new CategorySentimentView(WorkCategory.TECH_DEBT, 0, 1, 0));

    private List<CategorySentimentView> sentiment() {
        return health.handle(new FindTeamHealthQuery(TEAM, START, END, Granularity.SPRINT)).orElseThrow()
                .points().get(0).sentiment();
    }

    @Test
    void itemsAreCountedAsTheyComeChangeCategoryAndGoAndAnEmptiedCategoryIsNotShown() {
        itemsComeChangeAndGo();

        assertThat(sentiment()).isEqualTo(AFTER_COMING_CHANGING_AND_GOING);
    }

    @Test
    void aBatchCountsAsSingleWritesDo() {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericEventMessage<>(0));
        try {
            BatchWrites writes = BatchWrites.begin(unitOfWork);
            itemsComeChangeAndGo();
            writes.flush();
        } finally {
            unitOfWork.rollback();
        }

        assertThat(sentiment()).isEqualTo(AFTER_COMING_CHANGING_AND_GOING);
    }

    @Test
    void anItemEventHandledAgainCountsNothingTwice() {
        added("item-1", "MAD", WorkCategory.TECH_DEBT);
        added("item-1", "MAD", WorkCategory.TECH_DEBT);
        added("item-2", "GLAD", WorkCategory.BUG);
        health.on(new RetroItemEditedEvent(RETRO, "item-2", "text", WorkCategory.FEATURE));
        health.on(new RetroItemEditedEvent(RETRO, "item-2", "text", WorkCategory.FEATURE));
        added("item-3", "GLAD", WorkCategory.TECH_DEBT);
        health.on(new RetroItemDeletedEvent(RETRO, "item-3"));
        health.on(new RetroItemDeletedEvent(RETRO, "item-3"));

        assertThat(sentiment()).containsExactly(
                new CategorySentimentView(WorkCategory.FEATURE, 1, 0, 0),
                new CategorySentimentView(WorkCategory.TECH_DEBT, 0, 1, 0));
    }

    @Test
    void aRetroStoredBeforeItsItemsWereCountedWithItIsCountedFromItsItems() {
        readModels.named(HealthProjection.PROCESSING_GROUP).orElseThrow().forQueries(HealthDocument.RETROS)
                .updateOne(new Document("_id", RETRO), new Document("$set", new Document("items", new Document()
                        .append("old-1", new Document("category", "BUG").append("sentiment", "NEGATIVE"))
                        .append("old-2", new Document("category", "BUG").append("sentiment", "POSITIVE")))));

        added("item-1", "GLAD", WorkCategory.BUG);

        assertThat(sentiment()).containsExactly(new CategorySentimentView(WorkCategory.BUG, 2, 1, 0));
    }
}
