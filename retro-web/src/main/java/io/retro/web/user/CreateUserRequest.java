package io.retro.web.user;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CreateUserRequest(
        @NotBlank @Size(max = TextLimits.NAME)
        @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may hold letters, digits and . _ @ - only")
        String username,
        // Passwords are taken exactly as typed: no trimming.
        @NotBlank @Size(min = 8, max = TextLimits.NAME) @JsonDeserialize(using = StringDeserializer.class)
        String password,
        @NotBlank @Size(max = TextLimits.NAME) String displayName) {}
