package io.retro.projections.health;

import io.retro.api.health.Granularity;

/**
 * What the health rules judge about one period. A null figure means the period has no data for it.
 *
 * @param maintenanceShare (maintenance + tech debt + bugs) over all work but process, 0..1
 * @param bandMin the lower bound of the band in force at the period's end, 0..1
 * @param bandMax the upper bound of that band
 * @param openTechDebtVotes votes on tech-debt items still open at the period's end
 * @param actionItemsCreated action items created in the period
 * @param actionItemsDone of those, how many are done
 * @param productUpdates product updates posted in the period
 * @param acknowledgementRate acknowledgements over (updates × members), 0..1
 */
public record PeriodFacts(
        Granularity granularity,
        Double maintenanceShare,
        Double bandMin,
        Double bandMax,
        Integer openTechDebtVotes,
        Integer actionItemsCreated,
        Integer actionItemsDone,
        Integer productUpdates,
        Double acknowledgementRate) {

    boolean hasBand() {
        return bandMin != null && bandMax != null;
    }

    boolean belowBand() {
        return maintenanceShare != null && hasBand() && maintenanceShare < bandMin;
    }

    boolean aboveBand() {
        return maintenanceShare != null && hasBand() && maintenanceShare > bandMax;
    }

    boolean outsideBand() {
        return belowBand() || aboveBand();
    }
}
