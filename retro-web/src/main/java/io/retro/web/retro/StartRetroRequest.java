package io.retro.web.retro;

import io.retro.api.retro.RetroTemplate;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

record StartRetroRequest(
        @NotBlank @Size(max = TextLimits.NAME) String sprint,
        @NotNull LocalDate sprintStart,
        @NotNull LocalDate sprintEnd,
        @NotNull RetroTemplate template,
        @NotNull @Min(1) @Max(100) Integer votesPerMember) {}
