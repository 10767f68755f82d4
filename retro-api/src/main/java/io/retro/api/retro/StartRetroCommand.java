package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a team's retro for a sprint, in REFLECT. Facilitators only. {@code carriedActionItems}
 * are the team's open action items of earlier retros, found on the command side, for review.
 * {@code requesterRole} is the requester's role in the team, null when not a member.
 */
public record StartRetroCommand(
        @TargetAggregateIdentifier String retroId,
        String teamId,
        String sprint,
        LocalDate sprintStart,
        LocalDate sprintEnd,
        RetroTemplate template,
        int votesPerMember,
        List<CarriedActionItem> carriedActionItems,
        Requester requester,
        MemberRole requesterRole) {}
