package io.retro.web.health;

import io.retro.api.health.HealthPointView;
import io.retro.api.health.HealthPointView.CategorySentimentView;
import io.retro.api.health.TeamHealthView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Trend points as CSV: one row per team and period, the JSON fields flattened, reasons joined by " | ". */
final class HealthCsv {

    private static final List<String> HEADER = List.of("teamId", "team", "granularity", "period", "start", "end",
            "unit", "feature", "maintenance", "techDebt", "bug", "process", "featureShare", "maintenanceShare",
            "targetMin", "targetMax", "status", "reasons", "openTechDebt", "techDebtVotes", "techDebtOpened",
            "techDebtResolved", "actionItemsCreated", "actionItemsDone", "actionItemsDoneByDue", "followThrough",
            "productUpdates", "acknowledgementRate", "sentiment");

    private HealthCsv() {}

    static String of(List<TeamHealthView> teams) {
        StringBuilder csv = new StringBuilder(row(HEADER));
        for (TeamHealthView team : teams) {
            for (HealthPointView p : team.points()) {
                List<Object> cells = new ArrayList<>(List.of(team.teamId(), nullable(team.name()), team.granularity(), p.period(), p.start(), p.end()));
                var mix = p.workMix();
                cells.addAll(mix == null ? blanks(6) : List.of(mix.unit(), mix.feature(), mix.maintenance(), mix.techDebt(), mix.bug(), mix.process()));
                cells.add(nullable(p.featureShare()));
                cells.add(nullable(p.maintenanceShare()));
                cells.add(p.target() == null ? "" : p.target().min());
                cells.add(p.target() == null ? "" : p.target().max());
                cells.add(nullable(p.status()));
                cells.add(String.join(" | ", p.reasons()));
                for (Object figure : new Object[] {p.openTechDebt(), p.techDebtVotes(), p.techDebtOpened(), p.techDebtResolved(),
                        p.actionItemsCreated(), p.actionItemsDone(), p.actionItemsDoneByDue(), p.followThrough(),
                        p.productUpdates(), p.acknowledgementRate()}) {
                    cells.add(nullable(figure));
                }
                cells.add(sentiment(p.sentiment()));
                csv.append(row(cells));
            }
        }
        return csv.toString();
    }

    /** "FEATURE +3 -1 ~0 | BUG +0 -2 ~1": positive, negative and neutral items per category. */
    private static String sentiment(List<CategorySentimentView> sentiment) {
        if (sentiment == null) {
            return "";
        }
        return sentiment.stream()
                .map(s -> s.category() + " +" + s.positive() + " -" + s.negative() + " ~" + s.neutral())
                .collect(Collectors.joining(" | "));
    }

    private static List<Object> blanks(int count) {
        List<Object> blanks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blanks.add("");
        }
        return blanks;
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private static String row(List<?> cells) {
        return cells.stream().map(cell -> escape(Objects.toString(cell))).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String escape(String cell) {
        String safe = cell;
        // A cell starting like a formula would run in a spreadsheet.
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.Ee+-]+")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
