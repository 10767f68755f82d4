package io.retro.web.team;

import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateTeamRequest(@NotBlank @Size(max = TextLimits.NAME) String name) {}
