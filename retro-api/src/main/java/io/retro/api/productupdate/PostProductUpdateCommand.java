package io.retro.api.productupdate;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Posts a product update to a team. Product managers only. {@code requesterRole} is the requester's
 * role in the team when the command was given, null when they are not a member.
 */
public record PostProductUpdateCommand(
        @TargetAggregateIdentifier String updateId,
        String teamId,
        String title,
        String body,
        List<Metric> metrics,
        List<String> customerVoices,
        List<GoalProgress> goals,
        Requester requester,
        MemberRole requesterRole) {}
