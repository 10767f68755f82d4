package io.retro.api.history;

import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.WorkMix;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.BalanceTargetView;
import io.retro.api.techdebt.TechDebtStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A team as it was at an instant, rebuilt from its events. Items carry no author: an anonymous
 * item must stay anonymous in history too.
 *
 * @param balanceTarget the band in force on the instant's day, null before any was agreed
 */
public record TeamStateView(
        String teamId,
        String name,
        Instant asOf,
        BalanceTargetView balanceTarget,
        List<RetroState> retros,
        List<TechDebtState> techDebt,
        List<ProductUpdateState> productUpdates) {

    public record RetroState(String id, String sprint, LocalDate sprintStart, LocalDate sprintEnd, RetroTemplate template,
            RetroPhase phase, List<ItemState> items, List<ActionItemState> actionItems, WorkMix workMix) {}

    /** {@code votes} is null until the retro leaves VOTE, as on the board. */
    public record ItemState(String id, String column, String text, WorkCategory category, Integer votes) {}

    public record ActionItemState(String id, String text, String ownerId, LocalDate dueDate, ActionItemStatus status) {}

    public record TechDebtState(String id, String title, String area, TechDebtStatus status, Instant proposedAt,
            int votes, int engineerVotes, int pmVotes) {}

    public record ProductUpdateState(String id, String title, Instant postedAt, int acknowledgements, int questions) {}
}
