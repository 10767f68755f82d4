package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the team's decision on an action item carried over from an earlier retro. Members only, before CLOSED. */
public record ReviewCarriedActionItemCommand(
        @TargetAggregateIdentifier String retroId,
        String actionItemId,
        CarryOverDecision decision,
        Requester requester,
        MemberRole requesterRole) {}
