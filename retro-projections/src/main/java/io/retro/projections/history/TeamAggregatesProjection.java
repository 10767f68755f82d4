package io.retro.projections.history;

import static com.mongodb.client.model.Filters.eq;

import io.retro.api.history.FindTeamAggregatesQuery;
import io.retro.api.history.TeamAggregatesView;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.projections.shared.Changes;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelDocuments;
import io.retro.projections.shared.ReadModels;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which aggregates belong to which team: item, vote and update events name their aggregate only,
 * so history finds a team's events through this index and then reads them from the store. It
 * holds ids and nothing else, so history stays right whatever the other read models do.
 */
@Component
@ProcessingGroup(TeamAggregatesProjection.PROCESSING_GROUP)
public class TeamAggregatesProjection {

    public static final String PROCESSING_GROUP = "team-aggregates";
    static final String COLLECTION = "team_aggregates";

    private final ReadModel readModel;
    private final ReadModelDocuments teams;

    public TeamAggregatesProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(COLLECTION));
        this.teams = readModel.documents(COLLECTION);
    }

    private void add(String teamId, String aggregateId) {
        teams.upsert(teamId, Changes.addToSet("aggregateIds", aggregateId));
    }

    @EventHandler
    void on(RetroStartedEvent event) {
        add(event.teamId(), event.retroId());
    }

    @EventHandler
    void on(TechDebtProposedEvent event) {
        add(event.teamId(), event.itemId());
    }

    @EventHandler
    void on(ProductUpdatePostedEvent event) {
        add(event.teamId(), event.updateId());
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    Optional<TeamAggregatesView> handle(FindTeamAggregatesQuery query) {
        Document team = readModel.forQueries(COLLECTION).find(eq("_id", query.teamId())).first();
        return Optional.of(new TeamAggregatesView(query.teamId(),
                team == null ? List.of() : team.getList("aggregateIds", String.class, List.of())));
    }
}
