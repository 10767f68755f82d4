package io.retro.web.team;

import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The band's bounds are checked by the Team aggregate, which owns that rule. */
record BalanceTargetRequest(
        @NotNull BigDecimal maintenanceMin,
        @NotNull BigDecimal maintenanceMax,
        @Size(max = TextLimits.TEXT) String rationale,
        LocalDate effectiveFrom) {}
