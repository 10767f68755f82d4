package io.retro.api.techdebt;

import java.time.Instant;

/** One step in a tech-debt item's life, with who took it, when and why. */
public record StatusChangeView(TechDebtStatus from, TechDebtStatus to, String note, String changedBy, Instant changedAt) {}
