package io.retro.projections.health;

import io.retro.projections.health.TeamHealthFacts.ActionItem;
import io.retro.projections.health.TeamHealthFacts.Band;
import io.retro.projections.health.TeamHealthFacts.DebtItem;
import io.retro.api.retro.Sentiment;
import io.retro.api.shared.WorkCategory;
import io.retro.projections.health.TeamHealthFacts.Mix;
import io.retro.projections.health.TeamHealthFacts.ItemCount;
import io.retro.projections.health.TeamHealthFacts.Sprint;
import io.retro.projections.health.TeamHealthFacts.Update;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The stored shape of a team's health facts: one document per team, maps keyed by the ids of
 * sprints (retros), tech-debt items, action items and updates, and one document per retro with its
 * items; so every event is one idempotent {@code $set} or {@code $unset}. Each sprint in the team's
 * document also holds its items counted by category and sentiment, set whole from the retro's
 * document whenever an item changes, so that a trend query reads one document per team. Decimals are
 * strings, dates ISO text.
 */
final class HealthDocument {

    static final String TEAMS = "health_teams";
    /** Per retro: its team and template (item events name the retro only) and its items. */
    static final String RETROS = "health_retros";

    private HealthDocument() {}

    /** A retro's items counted by category, then by sentiment: {@code {FEATURE: {POSITIVE: 2}}}. */
    static Document itemCounts(Document retro) {
        Document counts = new Document();
        for (Object value : retro.get("items", new Document()).values()) {
            Document item = (Document) value;
            String category = item.getString("category");
            String sentiment = item.getString("sentiment");
            if (category != null && sentiment != null) {
                Document byCategory = (Document) counts.computeIfAbsent(category, key -> new Document());
                byCategory.put(sentiment, byCategory.getInteger(sentiment, 0) + 1);
            }
        }
        return counts;
    }

    static TeamHealthFacts toFacts(Document document) {
        List<Band> bands = new ArrayList<>();
        for (Object value : document.get("bands", new Document()).values()) {
            Document band = (Document) value;
            bands.add(new Band(new BigDecimal(band.getString("min")), new BigDecimal(band.getString("max")),
                    LocalDate.parse(band.getString("effectiveFrom")), Instant.parse(band.getString("agreedAt"))));
        }
        List<Sprint> sprints = new ArrayList<>();
        for (Map.Entry<String, Object> entry : document.get("sprints", new Document()).entrySet()) {
            Document sprint = (Document) entry.getValue();
            if (sprint.getString("end") == null) {
                continue; // work mix recorded, start not seen yet
            }
            Document mix = sprint.get("mix", Document.class);
            List<ItemCount> items = new ArrayList<>();
            for (Map.Entry<String, Object> category : sprint.get("items", new Document()).entrySet()) {
                for (Map.Entry<String, Object> sentiment : ((Document) category.getValue()).entrySet()) {
                    items.add(new ItemCount(WorkCategory.valueOf(category.getKey()), Sentiment.valueOf(sentiment.getKey()),
                            ((Number) sentiment.getValue()).intValue()));
                }
            }
            sprints.add(new Sprint(entry.getKey(), sprint.getString("name"), LocalDate.parse(sprint.getString("start")),
                    LocalDate.parse(sprint.getString("end")), mix == null ? null : new Mix(mix.getString("unit"),
                            decimal(mix, "feature"), decimal(mix, "maintenance"), decimal(mix, "techDebt"),
                            decimal(mix, "bug"), decimal(mix, "process")), items));
        }
        List<DebtItem> debt = new ArrayList<>();
        for (Object value : document.get("debt", new Document()).values()) {
            Document item = (Document) value;
            if (item.getString("opened") == null) {
                continue;
            }
            List<LocalDate> votes = item.get("votes", new Document()).values().stream()
                    .map(day -> LocalDate.parse((String) day)).toList();
            debt.add(new DebtItem(LocalDate.parse(item.getString("opened")), date(item, "closed"),
                    item.getBoolean("resolved", false), votes));
        }
        List<ActionItem> actions = new ArrayList<>();
        for (Object value : document.get("actions", new Document()).values()) {
            Document action = (Document) value;
            if (action.getString("created") == null) {
                continue;
            }
            actions.add(new ActionItem(LocalDate.parse(action.getString("created")), date(action, "due"), date(action, "done")));
        }
        List<Update> updates = new ArrayList<>();
        for (Object value : document.get("updates", new Document()).values()) {
            Document update = (Document) value;
            if (update.getString("posted") == null) {
                continue;
            }
            updates.add(new Update(LocalDate.parse(update.getString("posted")), update.get("acks", new Document()).size()));
        }
        return new TeamHealthFacts(document.getString("_id"), document.getString("name"),
                document.get("members", new Document()).size(), bands, sprints, debt, actions, updates);
    }

    private static BigDecimal decimal(Document document, String field) {
        String value = document.getString(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
