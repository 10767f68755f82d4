package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an item's text and category. Its author or a facilitator, in REFLECT or GROUP. */
public record EditRetroItemCommand(
        @TargetAggregateIdentifier String retroId,
        String itemId,
        String text,
        WorkCategory category,
        Requester requester,
        MemberRole requesterRole) {}
