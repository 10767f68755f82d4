package io.retro.projections.productupdate;

import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.productupdate.ProductUpdateView;
import io.retro.api.productupdate.QuestionView;
import io.retro.projections.shared.Changes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The stored shape of one product update, keyed by its id: {@code acknowledgedBy} maps member id to
 * true and {@code questions} maps question id to the question, so that every write is a {@code $set}
 * of a path named by ids. Numbers are decimal strings, kept exact. A team's feed document lists the
 * ids of its updates, so reading a feed is two key lookups.
 */
final class ProductUpdateDocument {

    static final String COLLECTION = "product_updates";
    static final String FEEDS = "product_update_feeds";

    private ProductUpdateDocument() {}

    static Bson posted(ProductUpdatePostedEvent event, Instant postedAt) {
        return Changes.combine(
                Changes.set("teamId", event.teamId()),
                Changes.set("title", event.title()),
                Changes.set("body", event.body()),
                Changes.set("metrics", event.metrics().stream().map(ProductUpdateDocument::metric).toList()),
                Changes.set("customerVoices", event.customerVoices()),
                Changes.set("goals", event.goals().stream().map(ProductUpdateDocument::goal).toList()),
                Changes.set("postedBy", event.postedBy()),
                Changes.set("postedAt", postedAt.toString()));
    }

    static Bson acknowledged(String memberId) {
        return Changes.set("acknowledgedBy." + memberId, true);
    }

    static Bson asked(String questionId, String text, String authorId, Instant askedAt) {
        String path = "questions." + questionId + ".";
        return Changes.combine(
                Changes.set(path + "text", text),
                Changes.set(path + "authorId", authorId),
                Changes.set(path + "askedAt", askedAt.toString()));
    }

    static Bson answered(String questionId, String text, String answeredBy, Instant answeredAt) {
        String path = "questions." + questionId + ".";
        return Changes.combine(
                Changes.set(path + "answer", text),
                Changes.set(path + "answeredBy", answeredBy),
                Changes.set(path + "answeredAt", answeredAt.toString()));
    }

    static ProductUpdateView toView(Document document) {
        List<Metric> metrics = document.getList("metrics", Document.class, List.of()).stream()
                .map(m -> new Metric(m.getString("name"), decimal(m.getString("value")), m.getString("unit"), decimal(m.getString("change"))))
                .toList();
        List<GoalProgress> goals = document.getList("goals", Document.class, List.of()).stream()
                .map(g -> new GoalProgress(g.getString("name"), decimal(g.getString("progress"))))
                .toList();
        Set<String> acknowledgedBy = new LinkedHashSet<>(document.get("acknowledgedBy", new Document()).keySet());
        List<QuestionView> questions = new ArrayList<>();
        for (Map.Entry<String, Object> entry : document.get("questions", new Document()).entrySet()) {
            Document q = (Document) entry.getValue();
            questions.add(new QuestionView(entry.getKey(), q.getString("text"), q.getString("authorId"), instant(q.getString("askedAt")),
                    q.getString("answer"), q.getString("answeredBy"), instant(q.getString("answeredAt"))));
        }
        questions.sort(Comparator.comparing(QuestionView::askedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(QuestionView::id));
        return new ProductUpdateView(
                document.getString("_id"),
                document.getString("teamId"),
                document.getString("title"),
                document.getString("body"),
                metrics,
                document.getList("customerVoices", String.class, List.of()),
                goals,
                document.getString("postedBy"),
                instant(document.getString("postedAt")),
                acknowledgedBy,
                questions);
    }

    private static Document metric(Metric metric) {
        return new Document("name", metric.name())
                .append("value", plain(metric.value()))
                .append("unit", metric.unit())
                .append("change", plain(metric.change()));
    }

    private static Document goal(GoalProgress goal) {
        return new Document("name", goal.name()).append("progress", plain(goal.progress()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
