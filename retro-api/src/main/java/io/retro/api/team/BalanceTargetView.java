package io.retro.api.team;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A band for the maintenance share, as agreed at {@code agreedAt}, in force from {@code effectiveFrom}. */
public record BalanceTargetView(
        BigDecimal maintenanceMin,
        BigDecimal maintenanceMax,
        String rationale,
        LocalDate effectiveFrom,
        String agreedBy,
        Instant agreedAt) {}
