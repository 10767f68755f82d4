package io.retro.api.productupdate;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member asks the product manager a question about an update. */
public record AskProductUpdateQuestionCommand(
        @TargetAggregateIdentifier String updateId,
        String questionId,
        String text,
        Requester requester,
        MemberRole requesterRole) {}
