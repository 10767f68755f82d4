package io.retro.web.retro;

import io.retro.api.retro.RetroPhase;
import jakarta.validation.constraints.NotNull;

record PhaseRequest(@NotNull RetroPhase phase) {}
