package io.retro.web.productupdate;

import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question, or its answer. */
record TextRequest(@NotBlank @Size(max = TextLimits.TEXT) String text) {}
