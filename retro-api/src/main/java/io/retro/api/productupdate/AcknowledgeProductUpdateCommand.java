package io.retro.api.productupdate;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member says they read the update. Once per member: a repeat changes nothing. */
public record AcknowledgeProductUpdateCommand(
        @TargetAggregateIdentifier String updateId, Requester requester, MemberRole requesterRole) {}
