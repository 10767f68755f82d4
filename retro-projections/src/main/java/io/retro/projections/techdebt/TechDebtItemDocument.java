package io.retro.projections.techdebt;

import io.retro.api.team.MemberRole;
import io.retro.api.techdebt.Impact;
import io.retro.api.techdebt.StatusChangeView;
import io.retro.api.techdebt.TechDebtItemView;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.TechDebtStatusChangedEvent;
import io.retro.projections.shared.Changes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The stored shape of one tech-debt item, keyed by its id: {@code voters} maps voter id to the role
 * they voted in, {@code history} maps the status change's sequence number to the change. A team's
 * register document lists the ids of its items.
 */
final class TechDebtItemDocument {

    static final String COLLECTION = "tech_debt_items";
    static final String REGISTERS = "tech_debt_registers";

    private TechDebtItemDocument() {}

    static Bson proposed(TechDebtProposedEvent event, Instant proposedAt) {
        return Changes.combine(
                Changes.set("teamId", event.teamId()),
                Changes.set("title", event.title()),
                Changes.set("description", event.description()),
                Changes.set("area", event.area()),
                Changes.set("estimate", event.estimate()),
                Changes.set("impact", event.impact().name()),
                Changes.setOnInsert("status", TechDebtStatus.PROPOSED.name()),
                Changes.set("proposedBy", event.proposedBy()),
                Changes.set("proposedAt", proposedAt.toString()));
    }

    static Bson voted(String voterId, MemberRole role) {
        return Changes.set("voters." + voterId, role.name());
    }

    static Bson withdrawn(String voterId) {
        return Changes.unset("voters." + voterId);
    }

    static Bson statusChanged(TechDebtStatusChangedEvent event, long sequenceNumber, Instant changedAt) {
        List<Bson> updates = new ArrayList<>(List.of(
                Changes.set("status", event.to().name()),
                Changes.set("history." + sequenceNumber, new Document("from", event.from().name())
                        .append("to", event.to().name())
                        .append("note", event.note())
                        .append("changedBy", event.changedBy())
                        .append("changedAt", changedAt.toString()))));
        if (!event.to().open()) {
            updates.add(Changes.set("closedAt", changedAt.toString()));
        }
        return Changes.combine(updates);
    }

    static TechDebtItemView toView(Document document) {
        Map<String, MemberRole> voters = new LinkedHashMap<>();
        document.get("voters", new Document()).forEach((id, role) -> voters.put(id, MemberRole.valueOf((String) role)));
        List<Map.Entry<Long, StatusChangeView>> steps = new ArrayList<>();
        document.get("history", new Document()).forEach((sequence, value) -> {
            Document step = (Document) value;
            steps.add(Map.entry(Long.parseLong(sequence), new StatusChangeView(
                    TechDebtStatus.valueOf(step.getString("from")), TechDebtStatus.valueOf(step.getString("to")),
                    step.getString("note"), step.getString("changedBy"), Instant.parse(step.getString("changedAt")))));
        });
        steps.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        String closedAt = document.getString("closedAt");
        String status = document.getString("status");
        return new TechDebtItemView(
                document.getString("_id"),
                document.getString("teamId"),
                document.getString("title"),
                document.getString("description"),
                document.getString("area"),
                document.getString("estimate"),
                document.getString("impact") == null ? null : Impact.valueOf(document.getString("impact")),
                status == null ? TechDebtStatus.PROPOSED : TechDebtStatus.valueOf(status),
                document.getString("proposedBy"),
                document.getString("proposedAt") == null ? null : Instant.parse(document.getString("proposedAt")),
                closedAt == null ? null : Instant.parse(closedAt),
                voters,
                steps.stream().map(Map.Entry::getValue).toList());
    }
}
