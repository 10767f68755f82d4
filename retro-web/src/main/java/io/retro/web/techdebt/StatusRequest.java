package io.retro.web.techdebt;

import io.retro.api.techdebt.TechDebtStatus;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Whether a transition is allowed, and whether it needs a note, is the aggregate's rule. */
record StatusRequest(@NotNull TechDebtStatus status, @Size(max = TextLimits.TEXT) String note) {}
