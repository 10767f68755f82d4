package io.retro.web.health;

import io.retro.api.health.HealthPointView;
import io.retro.api.health.HealthStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** Figures of the trend points as the pages print them: whole percentages, bands as "20–40%". */
public final class HealthDisplay {

    private HealthDisplay() {}

    /** The newest period that has a status: periods without any data say nothing about the team. */
    static Optional<HealthPointView> latestWithData(List<HealthPointView> points) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).status() != null) {
                return Optional.of(points.get(i));
            }
        }
        return Optional.empty();
    }

    public static String percent(BigDecimal share) {
        return share == null ? "–" : number(share) + "%";
    }

    static String band(HealthPointView.TargetView target) {
        return target == null ? "none agreed" : number(target.min()) + "–" + number(target.max()) + "%";
    }

    static String label(HealthStatus status) {
        if (status == null) {
            return "No data";
        }
        return switch (status) {
            case HEALTHY -> "Healthy";
            case WATCH -> "Watch";
            case AT_RISK -> "At risk";
        };
    }

    /** A symbol beside the label, so the badge never depends on colour alone. */
    static String symbol(HealthStatus status) {
        if (status == null) {
            return "–";
        }
        return switch (status) {
            case HEALTHY -> "✓";
            case WATCH -> "!";
            case AT_RISK -> "✕";
        };
    }

    /** Where the maintenance share stands against the band, in a few words. */
    static String position(HealthPointView point) {
        if (point.maintenanceShare() == null || point.target() == null) {
            return "";
        }
        if (point.maintenanceShare().compareTo(point.target().min()) < 0) {
            return "below the band";
        }
        return point.maintenanceShare().compareTo(point.target().max()) > 0 ? "above the band" : "within the band";
    }

    private static String number(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}
