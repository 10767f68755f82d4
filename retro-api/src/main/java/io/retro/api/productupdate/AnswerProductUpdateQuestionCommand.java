package io.retro.api.productupdate;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A product manager answers a question on an update; answering again replaces the answer. */
public record AnswerProductUpdateQuestionCommand(
        @TargetAggregateIdentifier String updateId,
        String questionId,
        String text,
        Requester requester,
        MemberRole requesterRole) {}
