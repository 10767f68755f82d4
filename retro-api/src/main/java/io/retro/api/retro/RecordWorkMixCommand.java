package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the effort the sprint spent per category; a later record replaces it. Facilitators only. */
public record RecordWorkMixCommand(
        @TargetAggregateIdentifier String retroId, WorkMix workMix, Requester requester, MemberRole requesterRole) {}
