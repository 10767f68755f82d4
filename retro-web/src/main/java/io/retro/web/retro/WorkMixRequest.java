package io.retro.web.retro;

import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixUnit;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

record WorkMixRequest(
        @NotNull WorkMixUnit unit,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal feature,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal maintenance,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal techDebt,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal bug,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal process) {

    WorkMix toWorkMix() {
        return new WorkMix(unit, feature, maintenance, techDebt, bug, process);
    }
}
