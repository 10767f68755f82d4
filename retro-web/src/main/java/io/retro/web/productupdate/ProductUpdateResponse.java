package io.retro.web.productupdate;

import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.ProductUpdateView;
import io.retro.api.productupdate.QuestionView;
import java.time.Instant;
import java.util.List;

/**
 * A product update as the API shows it: {@code acknowledgedBy} is the count of members who
 * acknowledged it, {@code acknowledgedByMe} whether the caller did; {@code bodyHtml} is the body's
 * markdown rendered safely.
 */
record ProductUpdateResponse(
        String id,
        String teamId,
        String title,
        String body,
        String bodyHtml,
        List<Metric> metrics,
        List<String> customerVoices,
        List<GoalProgress> goals,
        String postedBy,
        Instant postedAt,
        int acknowledgedBy,
        boolean acknowledgedByMe,
        int unansweredQuestions,
        List<Question> questions) {

    record Question(String id, String text, String authorId, Instant askedAt, String answer, String answeredBy, Instant answeredAt) {

        static Question of(QuestionView view) {
            return new Question(view.id(), view.text(), view.authorId(), view.askedAt(), view.answer(), view.answeredBy(), view.answeredAt());
        }
    }

    static ProductUpdateResponse of(ProductUpdateView view, String viewerId, MarkdownRenderer markdown) {
        return new ProductUpdateResponse(
                view.id(),
                view.teamId(),
                view.title(),
                view.body(),
                markdown.toHtml(view.body()),
                view.metrics(),
                view.customerVoices(),
                view.goals(),
                view.postedBy(),
                view.postedAt(),
                view.acknowledgedBy().size(),
                view.acknowledgedBy().contains(viewerId),
                (int) view.questions().stream().filter(q -> !q.answered()).count(),
                view.questions().stream().map(Question::of).toList());
    }
}
