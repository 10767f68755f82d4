package io.retro.api.techdebt;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member takes back their vote on an open tech-debt item; without a vote, nothing changes. */
public record WithdrawTechDebtVoteCommand(
        @TargetAggregateIdentifier String itemId, Requester requester, MemberRole requesterRole) {}
