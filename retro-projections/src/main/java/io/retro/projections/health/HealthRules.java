package io.retro.projections.health;

import io.retro.api.health.Granularity;
import io.retro.api.health.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The health rules, all in one place. A period's status is the worst status any rule gives, and
 * every rule that fires says why, in words and numbers, so a reader can check it.
 *
 * <ol>
 *   <li><b>Balance.</b> Maintenance share outside the agreed band: WATCH. Outside for the second
 *       period running on the same side, or more than {@value #FAR_OUTSIDE_POINTS} points outside:
 *       AT_RISK. Inside the band: a reason saying so, HEALTHY.
 *   <li><b>Debt pressure.</b> Votes on open tech debt rose by {@value #DEBT_RISE_PERCENT}% or more
 *       against the previous period: WATCH; AT_RISK when maintenance is below the band at the same
 *       time.
 *   <li><b>Follow-through.</b> At least {@value #MIN_ACTION_ITEMS} action items created and fewer
 *       than half done: WATCH.
 *   <li><b>Product context.</b> Product updates posted but fewer than half acknowledged: WATCH.
 * </ol>
 *
 * A period without a sprint, tech debt, action items or updates has no status (null) and says so.
 */
public final class HealthRules {

    static final int FAR_OUTSIDE_POINTS = 15;
    static final int DEBT_RISE_PERCENT = 25;
    static final int MIN_ACTION_ITEMS = 3;

    private HealthRules() {}

    /** Judges {@code current}, with {@code earlier} holding the periods before it, oldest first. */
    public static Assessment assess(PeriodFacts current, List<PeriodFacts> earlier) {
        List<String> reasons = new ArrayList<>();
        HealthStatus status = null;
        status = worst(status, balance(current, earlier, reasons));
        status = worst(status, debtPressure(current, earlier, reasons));
        status = worst(status, followThrough(current, reasons));
        status = worst(status, productContext(current, reasons));
        if (status == null) {
            reasons.add("No data for this " + noun(current.granularity()) + ".");
        }
        return new Assessment(status, List.copyOf(reasons));
    }

    private static HealthStatus balance(PeriodFacts current, List<PeriodFacts> earlier, List<String> reasons) {
        if (current.maintenanceShare() == null) {
            return null;
        }
        String share = percent(current.maintenanceShare());
        if (!current.hasBand()) {
            reasons.add("Maintenance was " + share + " of the work; no band is agreed yet.");
            return HealthStatus.HEALTHY;
        }
        String band = percentNumber(current.bandMin()) + "–" + percent(current.bandMax());
        if (!current.outsideBand()) {
            reasons.add("Maintenance was " + share + " of the work, within the agreed " + band + ".");
            return HealthStatus.HEALTHY;
        }
        boolean below = current.belowBand();
        int running = 1;
        for (int i = earlier.size() - 1; i >= 0 && (below ? earlier.get(i).belowBand() : earlier.get(i).aboveBand()); i--) {
            running++;
        }
        double distance = below ? current.bandMin() - current.maintenanceShare() : current.maintenanceShare() - current.bandMax();
        String reason = "Maintenance was " + share + " of the work, " + (below ? "below" : "above") + " the agreed " + band;
        reasons.add(running > 1 ? reason + ", for the " + ordinal(running) + " " + noun(current.granularity()) + " running." : reason + ".");
        return running > 1 || Math.round(distance * 100) > FAR_OUTSIDE_POINTS ? HealthStatus.AT_RISK : HealthStatus.WATCH;
    }

    private static HealthStatus debtPressure(PeriodFacts current, List<PeriodFacts> earlier, List<String> reasons) {
        if (current.openTechDebtVotes() == null) {
            return null;
        }
        Integer before = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).openTechDebtVotes();
        if (before == null || before == 0) {
            return current.openTechDebtVotes() > 0 ? HealthStatus.HEALTHY : null;
        }
        long rise = Math.round((current.openTechDebtVotes() - before) * 100.0 / before);
        if (rise < DEBT_RISE_PERCENT) {
            return HealthStatus.HEALTHY;
        }
        String reason = "Open tech-debt votes rose " + rise + "% this " + noun(current.granularity())
                + " (" + before + " to " + current.openTechDebtVotes() + ")";
        if (current.belowBand()) {
            reasons.add(reason + " while maintenance stayed below the band.");
            return HealthStatus.AT_RISK;
        }
        reasons.add(reason + ".");
        return HealthStatus.WATCH;
    }

    private static HealthStatus followThrough(PeriodFacts current, List<String> reasons) {
        Integer created = current.actionItemsCreated();
        if (created == null || created == 0) {
            return null;
        }
        int done = current.actionItemsDone() == null ? 0 : current.actionItemsDone();
        if (created >= MIN_ACTION_ITEMS && done * 2 < created) {
            reasons.add("Only " + done + " of " + created + " action items were done.");
            return HealthStatus.WATCH;
        }
        return HealthStatus.HEALTHY;
    }

    private static HealthStatus productContext(PeriodFacts current, List<String> reasons) {
        Integer updates = current.productUpdates();
        if (updates == null || updates == 0 || current.acknowledgementRate() == null) {
            return null;
        }
        if (current.acknowledgementRate() < 0.5) {
            reasons.add("Only " + percent(current.acknowledgementRate()) + " of product updates were acknowledged by the team.");
            return HealthStatus.WATCH;
        }
        return HealthStatus.HEALTHY;
    }

    private static HealthStatus worst(HealthStatus a, HealthStatus b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    static String percent(double share) {
        return percentNumber(share) + "%";
    }

    private static String percentNumber(double share) {
        return String.format(Locale.ROOT, "%d", Math.round(share * 100));
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String noun(Granularity granularity) {
        return granularity.name().toLowerCase(Locale.ROOT);
    }

    /** A period's status and the reasons for it, in plain words. */
    public record Assessment(HealthStatus status, List<String> reasons) {}
}
