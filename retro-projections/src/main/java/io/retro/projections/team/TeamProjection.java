package io.retro.projections.team;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import io.retro.api.team.BalanceTargetAgreedEvent;
import io.retro.api.team.FindTeamQuery;
import io.retro.api.team.FindTeamsQuery;
import io.retro.api.team.TeamCreatedEvent;
import io.retro.api.team.TeamMemberAddedEvent;
import io.retro.api.team.TeamMemberRoleChangedEvent;
import io.retro.api.team.TeamSummaryView;
import io.retro.api.team.TeamView;
import io.retro.projections.shared.Changes;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelDocuments;
import io.retro.projections.shared.ReadModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The team read model: name, members by id, and every band agreed. Writes are upserts keyed by ids
 * and event sequence numbers, so an event handled twice changes nothing.
 */
@Component
@ProcessingGroup(TeamProjection.PROCESSING_GROUP)
public class TeamProjection {

    public static final String PROCESSING_GROUP = "teams";

    private final ReadModel readModel;
    private final ReadModelDocuments teams;

    public TeamProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(TeamDocument.COLLECTION));
        this.teams = readModel.documents(TeamDocument.COLLECTION);
    }

    @EventHandler
    void on(TeamCreatedEvent event) {
        teams.upsert(event.teamId(), Changes.set("name", event.name()));
    }

    @EventHandler
    void on(TeamMemberAddedEvent event) {
        teams.upsert(event.teamId(), TeamDocument.setMember(event.userId(), event.role()));
    }

    @EventHandler
    void on(TeamMemberRoleChangedEvent event) {
        teams.upsert(event.teamId(), TeamDocument.setMember(event.userId(), event.role()));
    }

    @EventHandler
    void on(BalanceTargetAgreedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant agreedAt) {
        teams.upsert(event.teamId(), TeamDocument.setBand(sequenceNumber, event, agreedAt));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    Optional<TeamView> handle(FindTeamQuery query) {
        return Optional.ofNullable(readModel.forQueries(TeamDocument.COLLECTION).find(eq("_id", query.teamId())).first())
                .map(TeamDocument::toView);
    }

    @QueryHandler
    List<TeamSummaryView> handle(FindTeamsQuery query) {
        var filter = query.memberId() == null ? new Document() : exists(TeamDocument.memberPath(query.memberId()));
        List<TeamSummaryView> result = readModel.forQueries(TeamDocument.COLLECTION).find(filter)
                .map(document -> TeamDocument.toSummary(document, query.memberId()))
                .into(new ArrayList<>());
        result.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return result;
    }
}
