package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes an item. Its author or a facilitator, in REFLECT or GROUP. */
public record DeleteRetroItemCommand(
        @TargetAggregateIdentifier String retroId, String itemId, Requester requester, MemberRole requesterRole) {}
