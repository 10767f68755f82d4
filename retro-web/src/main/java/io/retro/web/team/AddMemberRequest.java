package io.retro.web.team;

import io.retro.api.team.MemberRole;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record AddMemberRequest(@NotBlank @Size(max = TextLimits.NAME) String username, @NotNull MemberRole role) {}
