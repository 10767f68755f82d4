package io.retro.web.health;

import io.retro.api.health.HealthPointView;
import io.retro.api.health.HealthStatus;
import java.util.List;

/** One period as the dashboard's table and headline print it. */
public record HealthPeriodRow(String period, String dates, String maintenance, String band, String position,
        HealthStatus status, String statusLabel, String statusSymbol, List<String> reasons) {

    static HealthPeriodRow of(HealthPointView point) {
        return new HealthPeriodRow(point.period(), point.start() + " – " + point.end(),
                HealthDisplay.percent(point.maintenanceShare()), HealthDisplay.band(point.target()),
                HealthDisplay.position(point), point.status(), HealthDisplay.label(point.status()),
                HealthDisplay.symbol(point.status()), point.reasons());
    }

    /** The class that colours a status badge. */
    public String statusClass() {
        return status == null ? "health-NONE" : "health-" + status;
    }
}
