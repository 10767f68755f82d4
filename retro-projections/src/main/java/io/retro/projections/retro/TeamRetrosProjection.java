package io.retro.projections.retro;

import static com.mongodb.client.model.Filters.eq;

import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarriedActionItemReviewedEvent;
import io.retro.api.retro.FindOpenActionItemsQuery;
import io.retro.api.retro.FindTeamRetrosQuery;
import io.retro.api.retro.RetroPhaseChangedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroSummaryView;
import io.retro.projections.shared.Changes;
import io.retro.projections.shared.Conditions;
import java.time.Instant;
import java.util.List;
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
 * A team's retros and its action items across retros, one document per team: the team page's
 * list, and the open action items a new retro starts with. Every write is a {@code $set} of values
 * the event fixes, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(TeamRetrosProjection.PROCESSING_GROUP)
public class TeamRetrosProjection {

    public static final String PROCESSING_GROUP = "team-retros";

    private final ReadModel readModel;
    private final ReadModelDocuments teams;

    public TeamRetrosProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(TeamRetrosDocument.COLLECTION));
        this.teams = readModel.documents(TeamRetrosDocument.COLLECTION);
    }

    @EventHandler
    void on(RetroStartedEvent event) {
        teams.upsert(event.teamId(), Changes.set("retros." + event.retroId(), new Document("sprint", event.sprint())
                .append("phase", "REFLECT")
                .append("sprintStart", event.sprintStart().toString())
                .append("sprintEnd", event.sprintEnd().toString())));
    }

    @EventHandler
    void on(RetroPhaseChangedEvent event) {
        teams.upsert(event.teamId(), Changes.set("retros." + event.retroId() + ".phase", event.phase().name()));
    }

    /**
     * A later retro's decision on this item comes from another aggregate, and processors with
     * several segments may handle it first; so the item's fields are set one by one, and OPEN only
     * where no status was set yet.
     */
    @EventHandler
    void on(ActionItemAddedEvent event, @Timestamp Instant addedAt) {
        String action = "actions." + event.actionItemId();
        teams.upsert(event.teamId(), Changes.combine(
                Changes.set(action + ".retroId", event.retroId()),
                Changes.set(action + ".text", event.text()),
                Changes.set(action + ".ownerId", event.ownerId()),
                Changes.set(action + ".dueDate", event.dueDate() == null ? null : event.dueDate().toString()),
                Changes.set(action + ".addedAt", addedAt.toString())));
        teams.updateWhere(event.teamId(), Conditions.exists(action + ".status", false), Changes.set(action + ".status", ActionItemStatus.OPEN.name()));
    }

    @EventHandler
    void on(ActionItemStatusChangedEvent event) {
        teams.upsert(event.teamId(), Changes.set("actions." + event.actionItemId() + ".status", event.status().name()));
    }

    @EventHandler
    void on(CarriedActionItemReviewedEvent event) {
        String action = "actions." + event.actionItemId();
        switch (event.decision()) {
            case DONE -> teams.upsert(event.teamId(), Changes.set(action + ".status", ActionItemStatus.DONE.name()));
            case DROP -> teams.upsert(event.teamId(), Changes.set(action + ".dropped", true));
            case KEEP -> teams.upsert(event.teamId(), Changes.set(action + ".dropped", false));
        }
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    List<RetroSummaryView> handle(FindTeamRetrosQuery query) {
        Document team = readModel.forQueries(TeamRetrosDocument.COLLECTION).find(eq("_id", query.teamId())).first();
        return team == null ? List.of() : TeamRetrosDocument.retros(team);
    }

    @QueryHandler
    List<CarriedActionItem> handle(FindOpenActionItemsQuery query) {
        Document team = readModel.forQueries(TeamRetrosDocument.COLLECTION).find(eq("_id", query.teamId())).first();
        return team == null ? List.of() : TeamRetrosDocument.openActions(team);
    }
}
