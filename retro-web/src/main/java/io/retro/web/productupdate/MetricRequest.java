package io.retro.web.productupdate;

import io.retro.api.productupdate.Metric;
import io.retro.web.shared.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

record MetricRequest(
        @NotBlank @Size(max = TextLimits.NAME) String name,
        @NotNull BigDecimal value,
        @Size(max = TextLimits.NAME) String unit,
        BigDecimal change) {

    Metric toMetric() {
        return new Metric(name, value, unit == null || unit.isEmpty() ? null : unit, change);
    }
}
