package io.retro.api.team;

import io.retro.api.shared.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a user to a team in a role, or gives an existing member another role. Facilitators only. */
public record AddTeamMemberCommand(
        @TargetAggregateIdentifier String teamId, String userId, MemberRole role, Requester requester) {}
