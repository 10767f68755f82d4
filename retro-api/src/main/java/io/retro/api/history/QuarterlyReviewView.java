package io.retro.api.history;

import io.retro.api.retro.WorkMix;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.BalanceTargetView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A team's quarter, rebuilt from its events, beside the quarter before. Sprints count towards the
 * quarter that holds their end and bands by the day they take effect, so a retro held just after a
 * quarter closed still counts towards it; tech debt, action items and updates count by when they
 * happened.
 *
 * @param change this quarter's figures minus the previous quarter's, null where either is missing
 */
public record QuarterlyReviewView(String teamId, String teamName, QuarterView quarter, QuarterView previous, ChangeView change) {

    /**
     * @param maintenanceShare over the summed work mix of the quarter's sprints, 0..1
     * @param acknowledgementRate acknowledgements over updates × members other than the poster, 0..1
     */
    public record QuarterView(
            String quarter,
            LocalDate start,
            LocalDate end,
            List<SprintView> sprints,
            BigDecimal maintenanceShare,
            List<BalanceTargetView> bandChanges,
            int techDebtOpened,
            int techDebtResolved,
            List<VotedDebtView> mostVotedTechDebt,
            List<CategoryItemsView> topRetroItems,
            int actionItemsCreated,
            int actionItemsDone,
            int productUpdates,
            BigDecimal acknowledgementRate) {}

    /** One sprint against the band in force at its end; {@code withinBand} null without a mix or a band. */
    public record SprintView(String sprint, LocalDate start, LocalDate end, WorkMix workMix, BigDecimal maintenanceShare,
            BigDecimal targetMin, BigDecimal targetMax, Boolean withinBand) {}

    public record VotedDebtView(String id, String title, int votes) {}

    public record CategoryItemsView(WorkCategory category, List<VotedItemView> items) {}

    /** {@code votes} is null while the item's retro has not left VOTE, as on the board. */
    public record VotedItemView(String text, String sprint, Integer votes) {}

    public record ChangeView(BigDecimal maintenanceShare, int techDebtOpened, int techDebtResolved, int actionItemsCreated,
            int actionItemsDone, int productUpdates, BigDecimal acknowledgementRate) {}
}
