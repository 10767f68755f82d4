package io.retro.projections.retro;

import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroSummaryView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The stored shape of a team's retros, keyed by the team id: {@code retros} maps retro id to its
 * summary, {@code actions} maps action item id to the item with its status and whether a later
 * retro dropped it.
 */
final class TeamRetrosDocument {

    static final String COLLECTION = "team_retros";

    private TeamRetrosDocument() {}

    static List<RetroSummaryView> retros(Document team) {
        List<RetroSummaryView> retros = new ArrayList<>();
        for (Map.Entry<String, Object> entry : team.get("retros", new Document()).entrySet()) {
            Document retro = (Document) entry.getValue();
            retros.add(new RetroSummaryView(entry.getKey(), retro.getString("sprint"), RetroPhase.valueOf(retro.getString("phase")),
                    LocalDate.parse(retro.getString("sprintStart")), LocalDate.parse(retro.getString("sprintEnd"))));
        }
        retros.sort(Comparator.comparing(RetroSummaryView::sprintStart).reversed().thenComparing(RetroSummaryView::sprint));
        return retros;
    }

    static List<CarriedActionItem> openActions(Document team) {
        List<Document> open = new ArrayList<>();
        for (Map.Entry<String, Object> entry : team.get("actions", new Document()).entrySet()) {
            Document action = (Document) entry.getValue();
            if (ActionItemStatus.OPEN.name().equals(action.getString("status")) && !action.getBoolean("dropped", false)
                    && action.getString("addedAt") != null) {
                open.add(action.append("_id", entry.getKey()));
            }
        }
        open.sort(Comparator.comparing((Document a) -> a.getString("addedAt")));
        return open.stream()
                .map(action -> new CarriedActionItem(action.getString("retroId"), action.getString("_id"), action.getString("text"),
                        action.getString("ownerId"), action.getString("dueDate") == null ? null : LocalDate.parse(action.getString("dueDate"))))
                .toList();
    }
}
