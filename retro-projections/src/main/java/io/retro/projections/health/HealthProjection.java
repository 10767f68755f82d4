package io.retro.projections.health;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import io.retro.api.health.FindTeamHealthQuery;
import io.retro.api.health.FindTeamsHealthQuery;
import io.retro.api.health.TeamHealthView;
import io.retro.api.productupdate.ProductUpdateAcknowledgedEvent;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.RetroItemAddedEvent;
import io.retro.api.retro.RetroItemDeletedEvent;
import io.retro.api.retro.RetroItemEditedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.Sentiment;
import io.retro.api.retro.WorkMixRecordedEvent;
import io.retro.api.team.BalanceTargetAgreedEvent;
import io.retro.api.team.TeamCreatedEvent;
import io.retro.api.team.TeamMemberAddedEvent;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.TechDebtStatusChangedEvent;
import io.retro.api.techdebt.TechDebtVoteWithdrawnEvent;
import io.retro.api.techdebt.TechDebtVotedEvent;
import io.retro.projections.shared.Changes;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelDocuments;
import io.retro.projections.shared.ReadModels;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The health read model: per team, the facts that trends are computed from (sprints with their
 * work mix, bands, tech debt with vote days, action items, product updates). Figures per period
 * are computed when asked, so any range and granularity is one document read per team.
 */
@Component
@ProcessingGroup(HealthProjection.PROCESSING_GROUP)
public class HealthProjection {

    public static final String PROCESSING_GROUP = "health";

    private final ReadModel readModel;
    private final ReadModelDocuments teams;
    private final ReadModelDocuments retros;

    public HealthProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(HealthDocument.TEAMS, HealthDocument.RETROS));
        this.teams = readModel.documents(HealthDocument.TEAMS);
        this.retros = readModel.documents(HealthDocument.RETROS);
    }

    private void update(String teamId, Bson change) {
        teams.upsert(teamId, change);
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "0" : value.toPlainString();
    }

    @EventHandler
    void on(TeamCreatedEvent event) {
        update(event.teamId(), Changes.set("name", event.name()));
    }

    @EventHandler
    void on(TeamMemberAddedEvent event) {
        update(event.teamId(), Changes.set("members." + event.userId(), true));
    }

    @EventHandler
    void on(BalanceTargetAgreedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant agreedAt) {
        update(event.teamId(), Changes.set("bands." + sequenceNumber, new Document()
                .append("min", decimal(event.maintenanceMin()))
                .append("max", decimal(event.maintenanceMax()))
                .append("effectiveFrom", event.effectiveFrom().toString())
                .append("agreedAt", agreedAt.toString())));
    }

    @EventHandler
    void on(RetroStartedEvent event) {
        retros.upsert(event.retroId(), Changes.combine(
                Changes.set("teamId", event.teamId()), Changes.set("template", event.template().name())));
        String sprint = "sprints." + event.retroId();
        update(event.teamId(), Changes.combine(
                Changes.set(sprint + ".name", event.sprint()),
                Changes.set(sprint + ".start", event.sprintStart().toString()),
                Changes.set(sprint + ".end", event.sprintEnd().toString())));
    }

    /*
     * A retro's items live in its own document in RETROS, not in the team's: a team's document
     * would otherwise grow with every item of every sprint. The team's document keeps their counts.
     */

    @EventHandler
    void on(RetroItemAddedEvent event) {
        retro(event.retroId()).ifPresent(retro -> {
            Sentiment sentiment = RetroTemplate.valueOf(retro.getString("template")).sentimentOf(event.column());
            changeItem(event.retroId(), retro, event.itemId(), new Document()
                    .append("category", event.category() == null ? null : event.category().name())
                    .append("sentiment", sentiment.name()));
        });
    }

    @EventHandler
    void on(RetroItemEditedEvent event) {
        if (event.category() == null) {
            return;
        }
        retro(event.retroId()).ifPresent(retro -> HealthDocument.item(retro, event.itemId()).ifPresent(item ->
                changeItem(event.retroId(), retro, event.itemId(), new Document(item).append("category", event.category().name()))));
    }

    @EventHandler
    void on(RetroItemDeletedEvent event) {
        retro(event.retroId()).ifPresent(retro -> changeItem(event.retroId(), retro, event.itemId(), null));
    }

    private Optional<Document> retro(String retroId) {
        return retros.find(retroId);
    }

    /**
     * Puts the item ({@code null}: none) in its retro's document, and the retro's counts, changed by
     * what the item was and is now, in both documents, set whole: an event handled again counts nothing twice.
     */
    private void changeItem(String retroId, Document retro, String itemId, Document item) {
        Document counts = HealthDocument.itemCounts(retro);
        HealthDocument.count(counts, HealthDocument.item(retro, itemId).orElse(null), -1);
        HealthDocument.count(counts, item, 1);
        String path = "items." + itemId;
        retros.update(retroId, Changes.combine(item == null ? Changes.unset(path) : Changes.set(path, item),
                Changes.set(HealthDocument.ITEM_COUNTS, counts)));
        update(retro.getString("teamId"), Changes.set("sprints." + retroId + ".items", counts));
    }

    @EventHandler
    void on(WorkMixRecordedEvent event) {
        var mix = event.workMix();
        update(event.teamId(), Changes.set("sprints." + event.retroId() + ".mix", new Document()
                .append("unit", mix.unit().name())
                .append("feature", decimal(mix.feature()))
                .append("maintenance", decimal(mix.maintenance()))
                .append("techDebt", decimal(mix.techDebt()))
                .append("bug", decimal(mix.bug()))
                .append("process", decimal(mix.process()))));
    }

    @EventHandler
    void on(ActionItemAddedEvent event, @Timestamp Instant at) {
        String action = "actions." + event.actionItemId();
        update(event.teamId(), Changes.combine(
                Changes.set(action + ".created", day(at)),
                Changes.set(action + ".due", event.dueDate() == null ? null : event.dueDate().toString())));
    }

    @EventHandler
    void on(ActionItemStatusChangedEvent event, @Timestamp Instant at) {
        String done = "actions." + event.actionItemId() + ".done";
        update(event.teamId(), event.status() == ActionItemStatus.DONE ? Changes.set(done, day(at)) : Changes.unset(done));
    }

    @EventHandler
    void on(TechDebtProposedEvent event, @Timestamp Instant at) {
        update(event.teamId(), Changes.set("debt." + event.itemId() + ".opened", day(at)));
    }

    @EventHandler
    void on(TechDebtVotedEvent event, @Timestamp Instant at) {
        update(event.teamId(), Changes.set("debt." + event.itemId() + ".votes." + event.voterId(), day(at)));
    }

    @EventHandler
    void on(TechDebtVoteWithdrawnEvent event) {
        update(event.teamId(), Changes.unset("debt." + event.itemId() + ".votes." + event.voterId()));
    }

    @EventHandler
    void on(TechDebtStatusChangedEvent event, @Timestamp Instant at) {
        if (event.to().open()) {
            return;
        }
        String item = "debt." + event.itemId();
        update(event.teamId(), Changes.combine(
                Changes.set(item + ".closed", day(at)),
                Changes.set(item + ".resolved", event.to() == TechDebtStatus.RESOLVED)));
    }

    @EventHandler
    void on(ProductUpdatePostedEvent event, @Timestamp Instant at) {
        update(event.teamId(), Changes.set("updates." + event.updateId() + ".posted", day(at)));
    }

    @EventHandler
    void on(ProductUpdateAcknowledgedEvent event) {
        update(event.teamId(), Changes.set("updates." + event.updateId() + ".acks." + event.memberId(), true));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    Optional<TeamHealthView> handle(FindTeamHealthQuery query) {
        return Optional.ofNullable(readModel.forQueries(HealthDocument.TEAMS).find(eq("_id", query.teamId())).first())
                .map(HealthDocument::toFacts)
                .map(facts -> HealthCalculator.health(facts, query.from(), query.to(), query.granularity()));
    }

    @QueryHandler
    List<TeamHealthView> handle(FindTeamsHealthQuery query) {
        List<Document> teams = readModel.forQueries(HealthDocument.TEAMS).find(in("_id", query.teamIds())).into(new ArrayList<>());
        List<TeamHealthView> result = new ArrayList<>();
        for (Document team : teams) {
            result.add(HealthCalculator.health(HealthDocument.toFacts(team), query.from(), query.to(), query.granularity()));
        }
        result.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(String.valueOf(a.name()), String.valueOf(b.name())));
        return result;
    }
}
