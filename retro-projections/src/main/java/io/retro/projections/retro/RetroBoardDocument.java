package io.retro.projections.retro;

import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemView;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarriedActionItemView;
import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.RetroBoardView;
import io.retro.api.retro.RetroGroupView;
import io.retro.api.retro.RetroItemView;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.WorkCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The stored shape of one board, keyed by the retro id. Items, groups, action items and carried
 * action items are maps keyed by their ids, each with the aggregate sequence number that created
 * it as {@code order}. {@code version} is the last aggregate sequence number applied. Vote counts
 * are stored as they are; hiding them during voting is the query's job.
 */
final class RetroBoardDocument {

    static final String COLLECTION = "retro_boards";

    private RetroBoardDocument() {}

    static Document started(RetroStartedEvent event) {
        Document carried = new Document();
        int order = 0;
        for (CarriedActionItem item : event.carriedActionItems()) {
            carried.append(item.actionItemId(), new Document("sourceRetroId", item.sourceRetroId())
                    .append("text", item.text())
                    .append("ownerId", item.ownerId())
                    .append("dueDate", item.dueDate() == null ? null : item.dueDate().toString())
                    .append("order", order++));
        }
        return new Document("teamId", event.teamId())
                .append("sprint", event.sprint())
                .append("sprintStart", event.sprintStart().toString())
                .append("sprintEnd", event.sprintEnd().toString())
                .append("template", event.template().name())
                .append("votesPerMember", event.votesPerMember())
                .append("phase", RetroPhase.REFLECT.name())
                .append("items", new Document())
                .append("groups", new Document())
                .append("actionItems", new Document())
                .append("carried", carried)
                .append("version", 0L);
    }

    static Document workMix(WorkMix mix) {
        return new Document("unit", mix.unit().name())
                .append("feature", mix.feature().toPlainString())
                .append("maintenance", mix.maintenance().toPlainString())
                .append("techDebt", mix.techDebt().toPlainString())
                .append("bug", mix.bug().toPlainString())
                .append("process", mix.process().toPlainString());
    }

    static RetroBoardView toView(Document board, String viewerId) {
        RetroPhase phase = RetroPhase.valueOf(board.getString("phase"));
        RetroTemplate template = RetroTemplate.valueOf(board.getString("template"));
        int budget = board.getInteger("votesPerMember");
        int myVotesUsed = 0;

        List<Map.Entry<String, Document>> itemEntries = ordered(board.get("items", new Document()));
        List<RetroItemView> items = new ArrayList<>();
        Map<String, List<String>> groupMembers = new LinkedHashMap<>();
        for (Map.Entry<String, Document> entry : itemEntries) {
            Document item = entry.getValue();
            int myVotes = viewerId == null ? 0 : item.get("voters", new Document()).getInteger(viewerId, 0);
            myVotesUsed += myVotes;
            String groupId = item.getString("groupId");
            if (groupId != null) {
                groupMembers.computeIfAbsent(groupId, id -> new ArrayList<>()).add(entry.getKey());
            }
            items.add(new RetroItemView(
                    entry.getKey(),
                    item.getString("column"),
                    item.getString("text"),
                    WorkCategory.valueOf(item.getString("category")),
                    item.getString("authorId"),
                    phase.votesVisible() ? item.getInteger("votes", 0) : null,
                    groupId,
                    myVotes));
        }

        List<RetroGroupView> groups = new ArrayList<>();
        for (Map.Entry<String, Document> entry : ordered(board.get("groups", new Document()))) {
            List<String> members = groupMembers.get(entry.getKey());
            if (members != null) {
                groups.add(new RetroGroupView(entry.getKey(), entry.getValue().getString("title"), members));
            }
        }

        List<ActionItemView> actionItems = ordered(board.get("actionItems", new Document())).stream()
                .map(entry -> new ActionItemView(entry.getKey(), entry.getValue().getString("text"),
                        entry.getValue().getString("ownerId"), date(entry.getValue().getString("dueDate")),
                        ActionItemStatus.valueOf(entry.getValue().getString("status"))))
                .toList();

        List<CarriedActionItemView> carried = ordered(board.get("carried", new Document())).stream()
                .map(entry -> {
                    Document item = entry.getValue();
                    String decision = item.getString("decision");
                    return new CarriedActionItemView(entry.getKey(), item.getString("sourceRetroId"), item.getString("text"),
                            item.getString("ownerId"), date(item.getString("dueDate")),
                            decision == null ? null : CarryOverDecision.valueOf(decision));
                })
                .toList();

        Document mix = board.get("workMix", Document.class);
        WorkMix workMix = mix == null ? null : new WorkMix(WorkMixUnit.valueOf(mix.getString("unit")),
                new BigDecimal(mix.getString("feature")), new BigDecimal(mix.getString("maintenance")),
                new BigDecimal(mix.getString("techDebt")), new BigDecimal(mix.getString("bug")),
                new BigDecimal(mix.getString("process")));

        return new RetroBoardView(
                board.getString("_id"),
                board.getString("teamId"),
                board.getString("sprint"),
                date(board.getString("sprintStart")),
                date(board.getString("sprintEnd")),
                phase,
                template,
                template.columns(),
                items,
                groups,
                actionItems,
                carried,
                workMix,
                budget,
                Math.max(0, budget - myVotesUsed),
                ((Number) board.get("version")).longValue());
    }

    private static List<Map.Entry<String, Document>> ordered(Document map) {
        List<Map.Entry<String, Document>> entries = new ArrayList<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            entries.add(Map.entry(entry.getKey(), (Document) entry.getValue()));
        }
        entries.sort(Comparator.comparingLong(entry -> ((Number) entry.getValue().get("order")).longValue()));
        return entries;
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
