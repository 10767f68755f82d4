package io.retro.projections.techdebt;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import io.retro.api.techdebt.FindTechDebtItemQuery;
import io.retro.api.techdebt.FindTechDebtRegisterQuery;
import io.retro.api.techdebt.TechDebtItemView;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.api.techdebt.TechDebtStatusChangedEvent;
import io.retro.api.techdebt.TechDebtVoteWithdrawnEvent;
import io.retro.api.techdebt.TechDebtVotedEvent;
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
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The tech-debt register of each team: every item with its status, its voters by role and its
 * history. One document per item and one index document per team, both keyed by {@code _id};
 * writes are {@code $set}/{@code $unset} of id-named paths, so an event handled twice changes
 * nothing. Ranking and filtering happen on the (small) list of one team's items.
 */
@Component
@ProcessingGroup(TechDebtRegisterProjection.PROCESSING_GROUP)
public class TechDebtRegisterProjection {

    public static final String PROCESSING_GROUP = "tech-debt-register";

    private final ReadModel readModel;
    private final ReadModelDocuments items;
    private final ReadModelDocuments registers;

    public TechDebtRegisterProjection(ReadModels readModels) {
        this.readModel = readModels.define(PROCESSING_GROUP, List.of(TechDebtItemDocument.COLLECTION, TechDebtItemDocument.REGISTERS));
        this.items = readModel.documents(TechDebtItemDocument.COLLECTION);
        this.registers = readModel.documents(TechDebtItemDocument.REGISTERS);
    }

    @EventHandler
    void on(TechDebtProposedEvent event, @Timestamp Instant proposedAt) {
        items.upsert(event.itemId(), TechDebtItemDocument.proposed(event, proposedAt));
        registers.upsert(event.teamId(), Changes.addToSet("itemIds", event.itemId()));
    }

    @EventHandler
    void on(TechDebtVotedEvent event) {
        items.upsert(event.itemId(), TechDebtItemDocument.voted(event.voterId(), event.voterRole()));
    }

    @EventHandler
    void on(TechDebtVoteWithdrawnEvent event) {
        items.upsert(event.itemId(), TechDebtItemDocument.withdrawn(event.voterId()));
    }

    @EventHandler
    void on(TechDebtStatusChangedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant changedAt) {
        items.upsert(event.itemId(), TechDebtItemDocument.statusChanged(event, sequenceNumber, changedAt));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    List<TechDebtItemView> handle(FindTechDebtRegisterQuery query) {
        Document register = readModel.forQueries(TechDebtItemDocument.REGISTERS).find(eq("_id", query.teamId())).first();
        if (register == null) {
            return List.of();
        }
        List<String> ids = register.getList("itemIds", String.class, List.of());
        List<TechDebtItemView> result = readModel.forQueries(TechDebtItemDocument.COLLECTION).find(in("_id", ids)).map(TechDebtItemDocument::toView).into(new ArrayList<>());
        result.removeIf(item -> query.status() != null && item.status() != query.status());
        Comparator<TechDebtItemView> newestFirst = Comparator.comparing(TechDebtItemView::proposedAt,
                Comparator.nullsLast(Comparator.reverseOrder()));
        result.sort(query.byVotes()
                ? Comparator.comparingInt((TechDebtItemView item) -> item.voters().size()).reversed()
                        .thenComparing(newestFirst.reversed())
                        .thenComparing(TechDebtItemView::id)
                : newestFirst.thenComparing(TechDebtItemView::id));
        return result;
    }

    @QueryHandler
    Optional<TechDebtItemView> handle(FindTechDebtItemQuery query) {
        return Optional.ofNullable(readModel.forQueries(TechDebtItemDocument.COLLECTION).find(eq("_id", query.itemId())).first()).map(TechDebtItemDocument::toView);
    }
}
