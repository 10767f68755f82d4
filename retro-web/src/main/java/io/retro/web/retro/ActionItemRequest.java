package io.retro.web.retro;

import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

record ActionItemRequest(
        @NotBlank @Size(max = TextLimits.TEXT) String text,
        @NotBlank @Size(max = TextLimits.NAME) String ownerId,
        LocalDate dueDate) {}
