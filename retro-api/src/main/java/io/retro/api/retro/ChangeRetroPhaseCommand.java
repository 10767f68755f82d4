package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a retro to its next phase. Facilitators only; any other phase is a conflict. */
public record ChangeRetroPhaseCommand(
        @TargetAggregateIdentifier String retroId, RetroPhase phase, Requester requester, MemberRole requesterRole) {}
