package io.retro.projections.history;

import io.retro.api.history.QuarterlyReviewView;
import io.retro.api.history.QuarterlyReviewView.CategoryItemsView;
import io.retro.api.history.QuarterlyReviewView.ChangeView;
import io.retro.api.history.QuarterlyReviewView.QuarterView;
import io.retro.api.history.QuarterlyReviewView.SprintView;
import io.retro.api.history.QuarterlyReviewView.VotedDebtView;
import io.retro.api.history.QuarterlyReviewView.VotedItemView;
import io.retro.api.retro.WorkMix;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.BalanceTargetView;
import io.retro.projections.shared.AcknowledgementRate;
import io.retro.api.techdebt.TechDebtStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A quarter of a team's replayed history, beside the quarter before. */
public final class QuarterlyReviews {

    private static final int TOP = 3;

    private QuarterlyReviews() {}

    public static QuarterlyReviewView review(TeamReplay replay, Quarter quarter) {
        QuarterView current = figures(replay, quarter);
        QuarterView previous = figures(replay, quarter.previous());
        return new QuarterlyReviewView(replay.teamId(), replay.name(), current, previous, change(current, previous));
    }

    private static QuarterView figures(TeamReplay replay, Quarter quarter) {
        List<TeamReplay.Retro> retros = replay.retros().stream()
                .filter(r -> quarter.holds(r.end))
                .sorted(Comparator.comparing((TeamReplay.Retro r) -> r.end).thenComparing(r -> r.start))
                .toList();
        List<SprintView> sprints = new ArrayList<>();
        WorkMix total = null;
        for (TeamReplay.Retro retro : retros) {
            BalanceTargetView band = replay.bandOn(retro.end);
            BigDecimal share = retro.workMix == null ? null : retro.workMix.maintenanceShare();
            Boolean within = share == null || band == null ? null
                    : share.compareTo(band.maintenanceMin()) >= 0 && share.compareTo(band.maintenanceMax()) <= 0;
            sprints.add(new SprintView(retro.sprint, retro.start, retro.end, retro.workMix, share,
                    band == null ? null : band.maintenanceMin(), band == null ? null : band.maintenanceMax(), within));
            if (retro.workMix != null) {
                total = total == null ? retro.workMix : total.plus(retro.workMix);
            }
        }

        List<BalanceTargetView> bandChanges = replay.bands().stream()
                .filter(band -> quarter.holds(band.effectiveFrom()))
                .sorted(Comparator.comparing(BalanceTargetView::effectiveFrom).thenComparing(BalanceTargetView::agreedAt))
                .toList();

        int opened = 0;
        int resolved = 0;
        List<TeamReplay.Debt> openAtEnd = new ArrayList<>();
        for (TeamReplay.Debt item : replay.debt()) {
            LocalDate proposed = LocalDate.ofInstant(item.proposedAt, ZoneOffset.UTC);
            if (quarter.holds(proposed)) {
                opened++;
            }
            if (item.status == TechDebtStatus.RESOLVED && quarter.holds(item.closed)) {
                resolved++;
            }
            if (!proposed.isAfter(quarter.end()) && (item.closed == null || item.closed.isAfter(quarter.end()))) {
                openAtEnd.add(item);
            }
        }
        List<VotedDebtView> mostVoted = openAtEnd.stream()
                .map(item -> new VotedDebtView(item.id, item.title, votesBy(item, quarter.end())))
                .filter(item -> item.votes() > 0)
                .sorted(Comparator.comparingInt(VotedDebtView::votes).reversed().thenComparing(VotedDebtView::title))
                .limit(TOP)
                .toList();

        List<CategoryItemsView> topItems = new ArrayList<>();
        for (WorkCategory category : WorkCategory.values()) {
            List<VotedItemView> items = retros.stream()
                    .flatMap(retro -> retro.items.values().stream()
                            .filter(item -> item.category == category)
                            .map(item -> new VotedItemView(item.text, retro.sprint, retro.votesOf(item))))
                    .sorted(Comparator.comparingInt((VotedItemView item) -> item.votes() == null ? 0 : item.votes()).reversed()
                            .thenComparing(VotedItemView::text))
                    .limit(TOP)
                    .toList();
            if (!items.isEmpty()) {
                topItems.add(new CategoryItemsView(category, items));
            }
        }

        List<TeamReplay.Action> actions = replay.retros().stream()
                .flatMap(retro -> retro.actions.values().stream())
                .filter(action -> quarter.holds(action.created))
                .toList();
        int done = (int) actions.stream().filter(action -> action.done != null).count();

        List<TeamReplay.Update> updates = replay.updates().stream()
                .filter(update -> quarter.holds(LocalDate.ofInstant(update.postedAt, ZoneOffset.UTC)))
                .toList();
        int acknowledgements = updates.stream().mapToInt(update -> update.acknowledgedBy.size()).sum();
        BigDecimal acknowledgementRate = AcknowledgementRate.of(acknowledgements, updates.size(), replay.members());

        return new QuarterView(quarter.toString(), quarter.start(), quarter.end(), sprints,
                total == null ? null : total.maintenanceShare(), bandChanges, opened, resolved, mostVoted, topItems,
                actions.size(), done, updates.size(), acknowledgementRate);
    }

    private static int votesBy(TeamReplay.Debt item, LocalDate day) {
        return (int) item.voters.values().stream().filter(vote -> !vote.day().isAfter(day)).count();
    }

    private static ChangeView change(QuarterView now, QuarterView before) {
        return new ChangeView(minus(now.maintenanceShare(), before.maintenanceShare()),
                now.techDebtOpened() - before.techDebtOpened(), now.techDebtResolved() - before.techDebtResolved(),
                now.actionItemsCreated() - before.actionItemsCreated(), now.actionItemsDone() - before.actionItemsDone(),
                now.productUpdates() - before.productUpdates(), minus(now.acknowledgementRate(), before.acknowledgementRate()));
    }

    private static BigDecimal minus(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before).stripTrailingZeros();
    }
}
