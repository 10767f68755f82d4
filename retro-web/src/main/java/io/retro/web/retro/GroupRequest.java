package io.retro.web.retro;

import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

record GroupRequest(
        @NotBlank @Size(max = TextLimits.NAME) String title,
        @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = TextLimits.NAME) String> itemIds) {}
