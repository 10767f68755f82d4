package io.retro.command.productupdate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.retro.api.productupdate.AcknowledgeProductUpdateCommand;
import io.retro.api.productupdate.AnswerProductUpdateQuestionCommand;
import io.retro.api.productupdate.AskProductUpdateQuestionCommand;
import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.PostProductUpdateCommand;
import io.retro.api.productupdate.ProductUpdateAcknowledgedEvent;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAnsweredEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAskedEvent;
import io.retro.api.team.MemberRole;
import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.TeamPermission;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product manager's update to the team: who acknowledged it and which questions it raised. Roles
 * come with each command, see {@link TeamPermission}.
 */
@Aggregate(cache = "productUpdateCache")
public class ProductUpdate {

    private static final Set<MemberRole> PRODUCT_MANAGERS = EnumSet.of(MemberRole.PRODUCT_MANAGER);
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 4000;

    @AggregateIdentifier
    private String updateId;

    private String teamId;
    private final Set<String> acknowledgedBy = new HashSet<>();
    private final Set<String> questions = new HashSet<>();

    protected ProductUpdate() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public ProductUpdate(PostProductUpdateCommand command) {
        TeamPermission.requireRole(command.requester(), command.requesterRole(), PRODUCT_MANAGERS, "post product updates");
        requireText("title", command.title(), MAX_NAME);
        requireText("body", command.body(), MAX_TEXT);
        List<Metric> metrics = command.metrics() == null ? List.of() : List.copyOf(command.metrics());
        List<String> voices = command.customerVoices() == null ? List.of() : List.copyOf(command.customerVoices());
        List<GoalProgress> goals = command.goals() == null ? List.of() : List.copyOf(command.goals());
        for (int i = 0; i < metrics.size(); i++) {
            requireText("metrics[" + i + "].name", metrics.get(i).name(), MAX_NAME);
            if (metrics.get(i).value() == null) {
                throw new InvalidValueException("metrics[" + i + "].value", "Give each metric a value.");
            }
        }
        for (int i = 0; i < voices.size(); i++) {
            requireText("customerVoices[" + i + "]", voices.get(i), MAX_TEXT);
        }
        for (int i = 0; i < goals.size(); i++) {
            requireText("goals[" + i + "].name", goals.get(i).name(), MAX_NAME);
            BigDecimal progress = goals.get(i).progress();
            if (progress == null || progress.signum() < 0 || progress.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidValueException("goals[" + i + "].progress", "A goal's progress is a share between 0 and 1.");
            }
        }
        apply(new ProductUpdatePostedEvent(command.updateId(), command.teamId(), command.title(), command.body(),
                metrics, voices, goals, command.requester().userId()));
    }

    @CommandHandler
    public void handle(AcknowledgeProductUpdateCommand command) {
        TeamPermission.requireMember(command.requesterRole(), "acknowledge product updates");
        String memberId = command.requester().userId();
        if (acknowledgedBy.contains(memberId)) {
            return;
        }
        apply(new ProductUpdateAcknowledgedEvent(updateId, teamId, memberId));
    }

    @CommandHandler
    public void handle(AskProductUpdateQuestionCommand command) {
        TeamPermission.requireMember(command.requesterRole(), "ask about product updates");
        requireText("text", command.text(), MAX_TEXT);
        if (questions.contains(command.questionId())) {
            throw new ConflictException("There is already a question with this id.");
        }
        apply(new ProductUpdateQuestionAskedEvent(updateId, teamId, command.questionId(), command.text(),
                command.requester().userId()));
    }

    @CommandHandler
    public void handle(AnswerProductUpdateQuestionCommand command) {
        TeamPermission.requireRole(command.requester(), command.requesterRole(), PRODUCT_MANAGERS, "answer questions");
        requireText("text", command.text(), MAX_TEXT);
        // The web layer answers 404 for an unknown question from the read model; this guards the rest.
        if (!questions.contains(command.questionId())) {
            throw new InvalidValueException("questionId", "This update has no question " + command.questionId() + ".");
        }
        apply(new ProductUpdateQuestionAnsweredEvent(updateId, teamId, command.questionId(), command.text(),
                command.requester().userId()));
    }

    @EventSourcingHandler
    void on(ProductUpdatePostedEvent event) {
        updateId = event.updateId();
        teamId = event.teamId();
    }

    @EventSourcingHandler
    void on(ProductUpdateAcknowledgedEvent event) {
        acknowledgedBy.add(event.memberId());
    }

    @EventSourcingHandler
    void on(ProductUpdateQuestionAskedEvent event) {
        questions.add(event.questionId());
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidValueException(field, field + " must have 1 to " + max + " characters.");
        }
    }
}
