package io.retro.web.retro;

import io.retro.api.retro.ActionItemStatus;
import jakarta.validation.constraints.NotNull;

record ActionItemStatusRequest(@NotNull ActionItemStatus status) {}
