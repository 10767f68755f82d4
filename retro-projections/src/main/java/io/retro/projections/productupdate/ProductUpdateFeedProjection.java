package io.retro.projections.productupdate;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import io.retro.api.productupdate.FindProductUpdateQuery;
import io.retro.api.productupdate.FindProductUpdatesQuery;
import io.retro.api.productupdate.ProductUpdateAcknowledgedEvent;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAnsweredEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAskedEvent;
import io.retro.api.productupdate.ProductUpdateView;
import io.retro.projections.shared.Changes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelDocuments;
import io.retro.projections.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The product-update feed of each team: every update with its acknowledgements and questions.
 * One document per update and one index document per team, both keyed by {@code _id}: the embedded
 * store scans whole collections for any other query. Writes are {@code $set}s of id-named paths,
 * so an event handled twice changes nothing.
 */
@Component
@ProcessingGroup(ProductUpdateFeedProjection.PROCESSING_GROUP)
public class ProductUpdateFeedProjection {

    public static final String PROCESSING_GROUP = "product-update-feed";

    private final ReadModel readModel;
    private final ReadModelDocuments updates;
    private final ReadModelDocuments feeds;

    public ProductUpdateFeedProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(ProductUpdateDocument.COLLECTION, ProductUpdateDocument.FEEDS));
        this.updates = readModel.documents(ProductUpdateDocument.COLLECTION);
        this.feeds = readModel.documents(ProductUpdateDocument.FEEDS);
    }

    @EventHandler
    void on(ProductUpdatePostedEvent event, @Timestamp Instant postedAt) {
        updates.upsert(event.updateId(), ProductUpdateDocument.posted(event, postedAt));
        feeds.upsert(event.teamId(), Changes.addToSet("updateIds", event.updateId()));
    }

    @EventHandler
    void on(ProductUpdateAcknowledgedEvent event) {
        updates.upsert(event.updateId(), ProductUpdateDocument.acknowledged(event.memberId()));
    }

    @EventHandler
    void on(ProductUpdateQuestionAskedEvent event, @Timestamp Instant askedAt) {
        updates.upsert(event.updateId(), ProductUpdateDocument.asked(event.questionId(), event.text(), event.authorId(), askedAt));
    }

    @EventHandler
    void on(ProductUpdateQuestionAnsweredEvent event, @Timestamp Instant answeredAt) {
        updates.upsert(event.updateId(), ProductUpdateDocument.answered(event.questionId(), event.text(), event.answeredBy(), answeredAt));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    List<ProductUpdateView> handle(FindProductUpdatesQuery query) {
        Document feed = readModel.forQueries(ProductUpdateDocument.FEEDS).find(eq("_id", query.teamId())).first();
        if (feed == null) {
            return List.of();
        }
        List<String> ids = feed.getList("updateIds", String.class, List.of());
        List<ProductUpdateView> result = readModel.forQueries(ProductUpdateDocument.COLLECTION).find(in("_id", ids)).map(ProductUpdateDocument::toView).into(new ArrayList<>());
        result.sort(Comparator.comparing(ProductUpdateView::postedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ProductUpdateView::id));
        return result;
    }

    @QueryHandler
    Optional<ProductUpdateView> handle(FindProductUpdateQuery query) {
        return Optional.ofNullable(readModel.forQueries(ProductUpdateDocument.COLLECTION).find(eq("_id", query.updateId())).first()).map(ProductUpdateDocument::toView);
    }
}
