package io.retro.api.team;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The team agreed a band for its maintenance share (maintenance, tech debt and bugs over all work
 * but process), in force from {@code effectiveFrom}. A later agreement with the same date replaces
 * this one for that date.
 */
public record BalanceTargetAgreedEvent(
        String teamId,
        BigDecimal maintenanceMin,
        BigDecimal maintenanceMax,
        String rationale,
        LocalDate effectiveFrom,
        String agreedBy) {}
