package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts one of the requester's dots on an item. Members only, in VOTE only, within the budget. */
public record CastRetroVoteCommand(
        @TargetAggregateIdentifier String retroId, String itemId, Requester requester, MemberRole requesterRole) {}
