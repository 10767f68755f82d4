package io.retro.web.productupdate;

import io.retro.api.productupdate.GoalProgress;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

record GoalRequest(
        @NotBlank @Size(max = TextLimits.NAME) String name,
        @NotNull @DecimalMin(value = "0", message = "must be a share between 0 and 1")
                @DecimalMax(value = "1", message = "must be a share between 0 and 1") BigDecimal progress) {

    GoalProgress toGoal() {
        return new GoalProgress(name, progress);
    }
}
