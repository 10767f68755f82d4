package io.retro.api.techdebt;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member votes for a tech-debt item: one vote per member, while the item is open. */
public record VoteTechDebtCommand(
        @TargetAggregateIdentifier String itemId, Requester requester, MemberRole requesterRole) {}
