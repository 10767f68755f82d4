package io.retro.web.techdebt;

import io.retro.api.techdebt.Impact;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Only the title and the impact are required; the estimate is free text ("2 days", "a sprint"). */
record ProposeTechDebtRequest(
        @NotBlank @Size(max = TextLimits.NAME) String title,
        @Size(max = TextLimits.TEXT) String description,
        @Size(max = TextLimits.NAME) String area,
        @Size(max = TextLimits.NAME) String estimate,
        @NotNull Impact impact) {}
