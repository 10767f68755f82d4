package io.retro.api.team;

import io.retro.api.shared.Requester;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the band the team agreed for its maintenance share, in force from {@code effectiveFrom}
 * until a band with a later date. Shares are fractions in 0..1. Facilitators and product managers
 * only.
 */
public record AgreeBalanceTargetCommand(
        @TargetAggregateIdentifier String teamId,
        BigDecimal maintenanceMin,
        BigDecimal maintenanceMax,
        String rationale,
        LocalDate effectiveFrom,
        Requester requester) {}
