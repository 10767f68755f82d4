package io.retro.web.retro;

import io.retro.api.retro.CarryOverDecision;
import jakarta.validation.constraints.NotNull;

record CarriedReviewRequest(@NotNull CarryOverDecision decision) {}
