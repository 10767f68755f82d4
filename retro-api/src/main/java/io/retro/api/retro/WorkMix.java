package io.retro.api.retro;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The effort a sprint spent per work category, in one unit; every amount non-negative. */
public record WorkMix(
        WorkMixUnit unit,
        BigDecimal feature,
        BigDecimal maintenance,
        BigDecimal techDebt,
        BigDecimal bug,
        BigDecimal process) {

    private static final int SHARE_SCALE = 4;

    /**
     * Maintenance, tech debt and bugs over all work but process, 0..1 to four places, as the domain
     * defines the maintenance share; null when there is no such work.
     */
    public BigDecimal maintenanceShare() {
        return shareOfCounted(maintenance.add(techDebt).add(bug));
    }

    /** Feature work over all work but process, 0..1 to four places; null when there is no such work. */
    public BigDecimal featureShare() {
        return shareOfCounted(feature);
    }

    private BigDecimal shareOfCounted(BigDecimal part) {
        BigDecimal counted = feature.add(maintenance).add(techDebt).add(bug);
        return counted.signum() == 0 ? null : part.divide(counted, SHARE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Both mixes summed, in this mix's unit. */
    public WorkMix plus(WorkMix other) {
        return new WorkMix(unit, feature.add(other.feature), maintenance.add(other.maintenance), techDebt.add(other.techDebt),
                bug.add(other.bug), process.add(other.process));
    }
}
