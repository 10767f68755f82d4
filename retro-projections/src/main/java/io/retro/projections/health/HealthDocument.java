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
import java.util.Optional;
import org.bson.Document;

/**
 * The stored shape of a team's health facts: one document per team, maps keyed by the ids of
 * sprints (retros), tech-debt items, action items and updates, and one document per retro with its
 * items; so every event is one idempotent {@code $set} or {@code $unset}. A retro's document also
 * counts its items by category and sentiment, changed as an item comes, changes or goes, and each
 * sprint in the team's document holds a copy of those counts, so that a trend query reads one
 * document per team. Decimals are strings, dates ISO text.
 */
final class HealthDocument {

    static final String TEAMS = "health_teams";
    /** Per retro: its team and template (item events name the retro only) and its items. */
    static final String RETROS = "health_retros";

    private HealthDocument() {}

    /** In a retro's document, its items counted by category, then by sentiment: {@code {FEATURE: {POSITIVE: 2}}}. */
    static final String ITEM_COUNTS = "itemCounts";

    /** An item as a retro's document holds it: its category and sentiment. */
    static Optional<Document> item(Document retro, String itemId) {
        return Optional.ofNullable(retro.get("items", Document.class)).map(items -> items.get(itemId, Document.class));
    }

    /**
     * A copy of the retro's item counts, to change. A document stored before the counts were kept
     * with the retro has them counted from its items.
     */
    static Document itemCounts(Document retro) {
        Document counts = new Document();
        Document stored = retro.get(ITEM_COUNTS, Document.class);
        if (stored != null) {
            stored.forEach((category, bySentiment) -> counts.put(category, new Document((Document) bySentiment)));
        } else {
            retro.get("items", new Document()).values().forEach(item -> count(counts, (Document) item, 1));
        }
        return counts;
    }

    /** Counts the item ({@code null}: none) in or out; a count that falls to zero goes, so that no category shows empty. */
    static void count(Document counts, Document item, int by) {
        String category = item == null ? null : item.getString("category");
        String sentiment = item == null ? null : item.getString("sentiment");
        if (category == null || sentiment == null) {
            return;
        }
        Document byCategory = (Document) counts.computeIfAbsent(category, key -> new Document());
        int count = byCategory.getInteger(sentiment, 0) + by;
        if (count > 0) {
            byCategory.put(sentiment, count);
        } else {
            byCategory.remove(sentiment);
            if (byCategory.isEmpty()) {
                counts.remove(category);
            }
        }
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
