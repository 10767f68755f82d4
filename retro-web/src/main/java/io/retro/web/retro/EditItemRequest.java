package io.retro.web.retro;

import io.retro.api.shared.WorkCategory;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record EditItemRequest(@NotBlank @Size(max = TextLimits.TEXT) String text, @NotNull WorkCategory category) {}
