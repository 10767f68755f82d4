package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an action item open or done. Members only, in any phase, also after CLOSED. */
public record ChangeActionItemStatusCommand(
        @TargetAggregateIdentifier String retroId,
        String actionItemId,
        ActionItemStatus status,
        Requester requester,
        MemberRole requesterRole) {}
