package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes back one of the requester's dots from an item. In VOTE only. */
public record WithdrawRetroVoteCommand(
        @TargetAggregateIdentifier String retroId, String itemId, Requester requester, MemberRole requesterRole) {}
