package io.retro.web.retro;

import io.retro.api.shared.WorkCategory;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The column is checked against the retro's template by the Retro aggregate. */
record AddItemRequest(
        @NotBlank @Size(max = TextLimits.NAME) String column,
        @NotBlank @Size(max = TextLimits.TEXT) String text,
        @NotNull WorkCategory category,
        Boolean anonymous) {}
