package io.retro.web.productupdate;

import io.retro.api.productupdate.AcknowledgeProductUpdateCommand;
import io.retro.api.productupdate.AnswerProductUpdateQuestionCommand;
import io.retro.api.productupdate.AskProductUpdateQuestionCommand;
import io.retro.api.productupdate.FindProductUpdateQuery;
import io.retro.api.productupdate.FindProductUpdatesQuery;
import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.PostProductUpdateCommand;
import io.retro.api.productupdate.ProductUpdateView;
import io.retro.api.team.TeamView;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import io.retro.web.shared.TeamCommands;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the API and the pages both do with product updates: read a feed, and give the commands. */
@Component
class ProductUpdates {

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final TeamCommands teamCommands;
    private final MarkdownRenderer markdown;

    ProductUpdates(Gateways gateways, TeamAccess teamAccess, TeamCommands teamCommands, MarkdownRenderer markdown) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.teamCommands = teamCommands;
        this.markdown = markdown;
    }

    Mono<List<ProductUpdateResponse>> feed(String teamId, RetroUser user) {
        return teamAccess.readableTeam(teamId, user).flatMap(team -> feedOf(team, user));
    }

    /** The feed of a team the user was already found to be allowed to read. */
    Mono<List<ProductUpdateResponse>> feedOf(TeamView team, RetroUser user) {
        return gateways.queryList(new FindProductUpdatesQuery(team.id()), ProductUpdateView.class)
                .map(views -> views.stream().map(view -> ProductUpdateResponse.of(view, user.id(), markdown)).toList());
    }

    Mono<String> post(String teamId, String title, String body, List<Metric> metrics, List<String> voices,
            List<GoalProgress> goals, RetroUser user) {
        String updateId = UUID.randomUUID().toString();
        return teamCommands.send(teamId, user, role -> new PostProductUpdateCommand(updateId, teamId, title, body,
                        metrics, voices, goals, user.requester(), role))
                .thenReturn(updateId);
    }

    Mono<Void> acknowledge(String updateId, RetroUser user) {
        return update(updateId).flatMap(update -> teamCommands.send(update.teamId(), user,
                role -> new AcknowledgeProductUpdateCommand(updateId, user.requester(), role))).then();
    }

    Mono<String> ask(String updateId, String text, RetroUser user) {
        String questionId = UUID.randomUUID().toString();
        return update(updateId).flatMap(update -> teamCommands.send(update.teamId(), user,
                        role -> new AskProductUpdateQuestionCommand(updateId, questionId, text, user.requester(), role)))
                .thenReturn(questionId);
    }

    Mono<Void> answer(String updateId, String questionId, String text, RetroUser user) {
        return update(updateId)
                .doOnNext(update -> {
                    if (update.questions().stream().noneMatch(q -> q.id().equals(questionId))) {
                        throw new NotFoundException("This update has no question " + questionId + ".");
                    }
                })
                .flatMap(update -> teamCommands.send(update.teamId(), user,
                        role -> new AnswerProductUpdateQuestionCommand(updateId, questionId, text, user.requester(), role)))
                .then();
    }

    /** The update, for the team it belongs to; 404 when there is none. */
    Mono<ProductUpdateView> update(String updateId) {
        return gateways.queryOptional(new FindProductUpdateQuery(updateId), ProductUpdateView.class)
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no product update " + updateId + ".")));
    }
}
