package io.retro.api.techdebt;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a tech-debt item to another status, along {@link TechDebtStatus#next()} only. Facilitators
 * and product managers only. A rejection needs a {@code note} saying why; otherwise it may be null.
 */
public record ChangeTechDebtStatusCommand(
        @TargetAggregateIdentifier String itemId,
        TechDebtStatus status,
        String note,
        Requester requester,
        MemberRole requesterRole) {}
