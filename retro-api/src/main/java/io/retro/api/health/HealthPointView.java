package io.retro.api.health;

import io.retro.api.shared.WorkCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One period of a team's health. Figures are null where the period has no data for them.
 *
 * @param period the sprint's name, {@code 2026-03} for a month or {@code 2026-Q1} for a quarter
 * @param workMix the summed work mix of the sprints that ended in the period
 * @param featureShare feature work over all work but process, 0..1
 * @param maintenanceShare maintenance, tech debt and bugs over all work but process, 0..1
 * @param target the band in force at the period's end
 * @param openTechDebt tech-debt items open at the period's end
 * @param techDebtVotes votes on those items at the period's end
 * @param techDebtOpened items proposed in the period
 * @param techDebtResolved items resolved in the period
 * @param actionItemsCreated action items created in the period
 * @param actionItemsDone of those, how many are done
 * @param actionItemsDoneByDue of those, how many were done by their due date
 * @param followThrough done over created, 0..1
 * @param productUpdates product updates posted in the period
 * @param acknowledgementRate acknowledgements over what was possible (updates × members other than the poster), 0..1
 * @param sentiment retro items of the period's sprints per work category, by how their column feels
 */
public record HealthPointView(
        String period,
        LocalDate start,
        LocalDate end,
        WorkMixView workMix,
        BigDecimal featureShare,
        BigDecimal maintenanceShare,
        TargetView target,
        HealthStatus status,
        List<String> reasons,
        Integer openTechDebt,
        Integer techDebtVotes,
        Integer techDebtOpened,
        Integer techDebtResolved,
        Integer actionItemsCreated,
        Integer actionItemsDone,
        Integer actionItemsDoneByDue,
        BigDecimal followThrough,
        Integer productUpdates,
        BigDecimal acknowledgementRate,
        List<CategorySentimentView> sentiment) {

    /** Effort per work category, in the team's unit. */
    public record WorkMixView(String unit, BigDecimal feature, BigDecimal maintenance, BigDecimal techDebt, BigDecimal bug, BigDecimal process) {}

    /** How the retro items about one category of work felt: counts of items by column sentiment. */
    public record CategorySentimentView(WorkCategory category, int positive, int negative, int neutral) {}

    /** A maintenance band. */
    public record TargetView(BigDecimal min, BigDecimal max) {}
}
