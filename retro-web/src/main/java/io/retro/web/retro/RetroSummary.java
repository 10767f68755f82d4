package io.retro.web.retro;

import io.retro.api.retro.ActionItemView;
import io.retro.api.retro.RetroBoardView;
import io.retro.api.retro.RetroItemView;
import io.retro.api.retro.WorkMix;
import io.retro.api.shared.WorkCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a closed retro leaves behind: its most-voted items per category, its action items with
 * owners, and the sprint's work mix. Items carry no author at all, so nothing here can name the
 * author of an anonymous item.
 */
record RetroSummary(Map<WorkCategory, List<TopItem>> topItems, List<ActionItemView> actionItems, WorkMix workMix,
        BigDecimal maintenanceShare) {

    static final int TOP_PER_CATEGORY = 3;

    record TopItem(String text, int votes) {}

    static RetroSummary of(RetroBoardView board) {
        Map<WorkCategory, List<TopItem>> top = new LinkedHashMap<>();
        for (WorkCategory category : WorkCategory.values()) {
            List<TopItem> items = board.items().stream()
                    .filter(item -> item.category() == category)
                    .sorted(Comparator.comparing((RetroItemView item) -> votesOf(item)).reversed())
                    .limit(TOP_PER_CATEGORY)
                    .map(item -> new TopItem(item.text(), votesOf(item)))
                    .toList();
            if (!items.isEmpty()) {
                top.put(category, items);
            }
        }
        return new RetroSummary(top, board.actionItems(), board.workMix(), maintenanceShare(board.workMix()));
    }

    /** The domain's maintenance share, always with four places in the summary. */
    static BigDecimal maintenanceShare(WorkMix mix) {
        BigDecimal share = mix == null ? null : mix.maintenanceShare();
        return share == null ? null : share.setScale(4);
    }

    /** One line per top item, action item and work-mix figure; owners as ids, like the rest of the API. */
    String toCsv() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "category", "text", "votes", "ownerId", "dueDate", "status", "amount", "unit"));
        topItems.forEach((category, items) -> items.forEach(item ->
                rows.add(List.of("top-item", category.name(), item.text(), String.valueOf(item.votes()), "", "", "", "", ""))));
        actionItems.forEach(action -> rows.add(List.of("action-item", "", action.text(), "", action.ownerId(),
                action.dueDate() == null ? "" : action.dueDate().toString(), action.status().name(), "", "")));
        if (workMix != null) {
            String unit = workMix.unit().name();
            rows.add(List.of("work-mix", "FEATURE", "", "", "", "", "", workMix.feature().toPlainString(), unit));
            rows.add(List.of("work-mix", "MAINTENANCE", "", "", "", "", "", workMix.maintenance().toPlainString(), unit));
            rows.add(List.of("work-mix", "TECH_DEBT", "", "", "", "", "", workMix.techDebt().toPlainString(), unit));
            rows.add(List.of("work-mix", "BUG", "", "", "", "", "", workMix.bug().toPlainString(), unit));
            rows.add(List.of("work-mix", "PROCESS", "", "", "", "", "", workMix.process().toPlainString(), unit));
            if (maintenanceShare != null) {
                rows.add(List.of("maintenance-share", "", "", "", "", "", "", maintenanceShare.toPlainString(), "SHARE"));
            }
        }
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            csv.append(String.join(",", row.stream().map(RetroSummary::cell).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static int votesOf(RetroItemView item) {
        return item.votes() == null ? 0 : item.votes();
    }

    /** Quotes what needs it, and defuses text a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
