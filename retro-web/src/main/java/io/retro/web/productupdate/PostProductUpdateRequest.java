package io.retro.web.productupdate;

import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.web.shared.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Lists are bounded so that one update stays readable (and one request small). */
record PostProductUpdateRequest(
        @NotBlank @Size(max = TextLimits.NAME) String title,
        @NotBlank @Size(max = TextLimits.TEXT) String body,
        @Size(max = 50) List<@Valid @NotNull MetricRequest> metrics,
        @Size(max = 50) List<@NotBlank @Size(max = TextLimits.TEXT) String> customerVoices,
        @Size(max = 50) List<@Valid @NotNull GoalRequest> goals) {

    List<Metric> metricList() {
        return metrics == null ? List.of() : metrics.stream().map(MetricRequest::toMetric).toList();
    }

    List<String> voiceList() {
        return customerVoices == null ? List.of() : List.copyOf(customerVoices);
    }

    List<GoalProgress> goalList() {
        return goals == null ? List.of() : goals.stream().map(GoalRequest::toGoal).toList();
    }
}
