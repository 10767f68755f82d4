package io.retro.api.techdebt;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Proposes a tech-debt item to a team's register. Any member may. {@code requesterRole} is the
 * requester's role in the team when the command was given, null when they are not a member.
 * {@code description}, {@code area} and {@code estimate} may be null; the estimate is the proposer's
 * own words ("2 days", "a sprint").
 */
public record ProposeTechDebtCommand(
        @TargetAggregateIdentifier String itemId,
        String teamId,
        String title,
        String description,
        String area,
        String estimate,
        Impact impact,
        Requester requester,
        MemberRole requesterRole) {}
