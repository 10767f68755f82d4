package io.retro.projections.retro;

import static com.mongodb.client.model.Filters.eq;

import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.CarriedActionItemReviewedEvent;
import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.FindRetroBoardQuery;
import io.retro.api.retro.RetroBoardView;
import io.retro.api.retro.RetroItemAddedEvent;
import io.retro.api.retro.RetroItemDeletedEvent;
import io.retro.api.retro.RetroItemEditedEvent;
import io.retro.api.retro.RetroItemsGroupedEvent;
import io.retro.api.retro.RetroPhaseChangedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroVoteCastEvent;
import io.retro.api.retro.RetroVoteWithdrawnEvent;
import io.retro.api.retro.WorkMixRecordedEvent;
import io.retro.projections.shared.Changes;
import io.retro.projections.shared.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelDocuments;
import io.retro.projections.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The live board: one document per retro, read and written by its id only.
 *
 * <p>Idempotence: every change after the start is applied together with {@code version = sequence}
 * and only where {@code version < sequence}. Events of one aggregate arrive in order, so an event
 * handled a second time finds its own sequence already applied and changes nothing; that is what
 * makes the vote counters' increments safe.
 */
@Component
@ProcessingGroup(RetroBoardProjection.PROCESSING_GROUP)
public class RetroBoardProjection {

    public static final String PROCESSING_GROUP = "retro-boards";

    private final ReadModel readModel;
    private final ReadModelDocuments boards;

    public RetroBoardProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(RetroBoardDocument.COLLECTION));
        this.boards = readModel.documents(RetroBoardDocument.COLLECTION);
    }

    @EventHandler
    void on(RetroStartedEvent event) {
        Document fields = RetroBoardDocument.started(event);
        List<Bson> inserts = new ArrayList<>();
        fields.forEach((name, value) -> inserts.add(Changes.setOnInsert(name, value)));
        boards.upsert(event.retroId(), Changes.combine(inserts));
    }

    @EventHandler
    void on(RetroItemAddedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.set("items." + event.itemId(), new Document("column", event.column())
                .append("text", event.text())
                .append("category", event.category().name())
                .append("authorId", event.authorId())
                .append("groupId", null)
                .append("votes", 0)
                .append("voters", new Document())
                .append("order", sequence)));
    }

    @EventHandler
    void on(RetroItemEditedEvent event, @SequenceNumber long sequence) {
        String item = "items." + event.itemId();
        apply(event.retroId(), sequence, Changes.combine(
                Changes.set(item + ".text", event.text()),
                Changes.set(item + ".category", event.category().name())));
    }

    @EventHandler
    void on(RetroItemDeletedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.unset("items." + event.itemId()));
    }

    @EventHandler
    void on(RetroItemsGroupedEvent event, @SequenceNumber long sequence) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Changes.set("groups." + event.groupId(), new Document("title", event.title()).append("order", sequence)));
        event.itemIds().forEach(itemId -> changes.add(Changes.set("items." + itemId + ".groupId", event.groupId())));
        apply(event.retroId(), sequence, Changes.combine(changes));
    }

    @EventHandler
    void on(RetroVoteCastEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, vote(event.itemId(), event.voterId(), 1));
    }

    @EventHandler
    void on(RetroVoteWithdrawnEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, vote(event.itemId(), event.voterId(), -1));
    }

    @EventHandler
    void on(RetroPhaseChangedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.set("phase", event.phase().name()));
    }

    @EventHandler
    void on(ActionItemAddedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.set("actionItems." + event.actionItemId(), new Document("text", event.text())
                .append("ownerId", event.ownerId())
                .append("dueDate", event.dueDate() == null ? null : event.dueDate().toString())
                .append("status", ActionItemStatus.OPEN.name())
                .append("order", sequence)));
    }

    @EventHandler
    void on(ActionItemStatusChangedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.set("actionItems." + event.actionItemId() + ".status", event.status().name()));
    }

    /** Done in a later retro shows as done on the board it came from too; a plain set, so repeatable. */
    @EventHandler
    void on(CarriedActionItemReviewedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.set("carried." + event.actionItemId() + ".decision", event.decision().name()));
        if (event.decision() == CarryOverDecision.DONE) {
            boards.update(event.sourceRetroId(), Changes.set("actionItems." + event.actionItemId() + ".status", ActionItemStatus.DONE.name()));
        }
    }

    @EventHandler
    void on(WorkMixRecordedEvent event, @SequenceNumber long sequence) {
        apply(event.retroId(), sequence, Changes.set("workMix", RetroBoardDocument.workMix(event.workMix())));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    Optional<RetroBoardView> handle(FindRetroBoardQuery query) {
        return Optional.ofNullable(readModel.forQueries(RetroBoardDocument.COLLECTION).find(eq("_id", query.retroId())).first())
                .map(board -> RetroBoardDocument.toView(board, query.viewerId()));
    }

    private static Bson vote(String itemId, String voterId, int delta) {
        String item = "items." + itemId;
        return Changes.combine(Changes.inc(item + ".votes", delta), Changes.inc(item + ".voters." + voterId, delta));
    }

    private void apply(String retroId, long sequence, Bson change) {
        boards.updateWhere(retroId, Conditions.lt("version", sequence), Changes.combine(change, Changes.set("version", sequence)));
    }
}
