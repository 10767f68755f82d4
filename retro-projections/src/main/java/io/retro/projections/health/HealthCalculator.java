package io.retro.projections.health;

import io.retro.api.health.Granularity;
import io.retro.api.health.HealthPointView;
import io.retro.api.health.HealthPointView.CategorySentimentView;
import io.retro.api.health.HealthPointView.TargetView;
import io.retro.api.health.HealthPointView.WorkMixView;
import io.retro.api.health.TeamHealthView;
import io.retro.api.retro.Sentiment;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.WorkCategory;
import io.retro.projections.shared.AcknowledgementRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a team's facts into one point per period. A sprint belongs to the period that holds its
 * end; a period's shares come from the summed work mix of its sprints, process left out of the
 * denominator; the band is the one in force on the period's last day. Every period of the range is
 * present, with null figures where there is no data.
 */
final class HealthCalculator {

    private static final int SHARE_SCALE = 4;

    private HealthCalculator() {}

    static TeamHealthView health(TeamHealthFacts facts, LocalDate from, LocalDate to, Granularity granularity) {
        List<HealthPointView> points = new ArrayList<>();
        List<PeriodFacts> earlier = new ArrayList<>();
        for (Period period : periods(facts, from, to, granularity)) {
            HealthPointView point = point(facts, period, granularity, earlier);
            points.add(point);
        }
        return new TeamHealthView(facts.teamId(), facts.name(), granularity, points);
    }

    private record Period(String label, LocalDate start, LocalDate end) {

        boolean holds(LocalDate day) {
            return day != null && !day.isBefore(start) && !day.isAfter(end);
        }
    }

    private static List<Period> periods(TeamHealthFacts facts, LocalDate from, LocalDate to, Granularity granularity) {
        List<Period> periods = new ArrayList<>();
        switch (granularity) {
            case SPRINT -> facts.sprints().stream()
                    .filter(s -> !s.end().isBefore(from) && !s.end().isAfter(to))
                    .sorted(Comparator.comparing(TeamHealthFacts.Sprint::end).thenComparing(TeamHealthFacts.Sprint::start))
                    .forEach(s -> periods.add(new Period(s.name(), s.start(), s.end())));
            case MONTH -> {
                for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                    periods.add(new Period(month.toString(), month.atDay(1), month.atEndOfMonth()));
                }
            }
            case QUARTER -> {
                LocalDate start = quarterStart(from);
                while (!start.isAfter(to)) {
                    LocalDate end = start.plusMonths(3).minusDays(1);
                    periods.add(new Period(start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR), start, end));
                    start = start.plusMonths(3);
                }
            }
        }
        return periods;
    }

    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
    }

    private static HealthPointView point(TeamHealthFacts facts, Period period, Granularity granularity, List<PeriodFacts> earlier) {
        List<TeamHealthFacts.Sprint> inPeriod = sprints(facts, period);
        WorkMixView mix = sum(inPeriod.stream().filter(s -> s.mix() != null).toList());
        WorkMix summed = mix == null ? null
                : new WorkMix(WorkMixUnit.valueOf(mix.unit()), mix.feature(), mix.maintenance(), mix.techDebt(), mix.bug(), mix.process());
        BigDecimal maintenanceShare = summed == null ? null : summed.maintenanceShare();
        BigDecimal featureShare = summed == null ? null : summed.featureShare();
        TargetView target = bandOn(facts, period.end()).map(b -> new TargetView(b.min(), b.max())).orElse(null);

        int openDebt = 0;
        int debtVotes = 0;
        int opened = 0;
        int resolved = 0;
        boolean anyDebt = false;
        for (TeamHealthFacts.DebtItem item : facts.debt()) {
            if (item.opened().isAfter(period.end())) {
                continue;
            }
            anyDebt = true;
            if (period.holds(item.opened())) {
                opened++;
            }
            if (item.resolved() && period.holds(item.closed())) {
                resolved++;
            }
            if (item.closed() == null || item.closed().isAfter(period.end())) {
                openDebt++;
                debtVotes += (int) item.votes().stream().filter(day -> !day.isAfter(period.end())).count();
            }
        }

        List<TeamHealthFacts.ActionItem> created = facts.actions().stream().filter(a -> period.holds(a.created())).toList();
        int done = (int) created.stream().filter(a -> a.done() != null).count();
        int doneByDue = (int) created.stream().filter(a -> a.done() != null && (a.due() == null || !a.done().isAfter(a.due()))).count();

        List<TeamHealthFacts.Update> updates = facts.updates().stream().filter(u -> period.holds(u.posted())).toList();
        int acknowledgements = updates.stream().mapToInt(TeamHealthFacts.Update::acknowledgements).sum();
        BigDecimal acknowledgementRate = AcknowledgementRate.of(acknowledgements, updates.size(), facts.members());

        PeriodFacts judged = new PeriodFacts(granularity,
                maintenanceShare == null ? null : maintenanceShare.doubleValue(),
                target == null ? null : target.min().doubleValue(),
                target == null ? null : target.max().doubleValue(),
                anyDebt ? debtVotes : null,
                created.isEmpty() ? null : created.size(),
                created.isEmpty() ? null : done,
                updates.isEmpty() ? null : updates.size(),
                acknowledgementRate == null ? null : acknowledgementRate.doubleValue());
        HealthRules.Assessment assessment = HealthRules.assess(judged, earlier);
        earlier.add(judged);

        return new HealthPointView(period.label(), period.start(), period.end(), mix, featureShare, maintenanceShare, target,
                assessment.status(), assessment.reasons(),
                anyDebt ? openDebt : null, anyDebt ? debtVotes : null, anyDebt ? opened : null, anyDebt ? resolved : null,
                created.size(), created.isEmpty() ? null : done, created.isEmpty() ? null : doneByDue,
                created.isEmpty() ? null : share(BigDecimal.valueOf(done), BigDecimal.valueOf(created.size())),
                updates.size(), acknowledgementRate, sentiment(inPeriod));
    }

    private static List<TeamHealthFacts.Sprint> sprints(TeamHealthFacts facts, Period period) {
        return facts.sprints().stream().filter(s -> period.holds(s.end())).toList();
    }

    /** Items of the period's retros per category, in the categories' order; null when there are none. */
    private static List<CategorySentimentView> sentiment(List<TeamHealthFacts.Sprint> sprints) {
        Map<WorkCategory, int[]> counts = new EnumMap<>(WorkCategory.class);
        for (TeamHealthFacts.Sprint sprint : sprints) {
            for (TeamHealthFacts.ItemCount items : sprint.items()) {
                counts.computeIfAbsent(items.category(), category -> new int[Sentiment.values().length])[items.sentiment().ordinal()]
                        += items.count();
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        return counts.entrySet().stream()
                .map(entry -> new CategorySentimentView(entry.getKey(), entry.getValue()[Sentiment.POSITIVE.ordinal()],
                        entry.getValue()[Sentiment.NEGATIVE.ordinal()], entry.getValue()[Sentiment.NEUTRAL.ordinal()]))
                .toList();
    }

    private static WorkMixView sum(List<TeamHealthFacts.Sprint> sprints) {
        if (sprints.isEmpty()) {
            return null;
        }
        BigDecimal feature = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal techDebt = BigDecimal.ZERO;
        BigDecimal bug = BigDecimal.ZERO;
        BigDecimal process = BigDecimal.ZERO;
        for (TeamHealthFacts.Sprint sprint : sprints) {
            feature = feature.add(sprint.mix().feature());
            maintenance = maintenance.add(sprint.mix().maintenance());
            techDebt = techDebt.add(sprint.mix().techDebt());
            bug = bug.add(sprint.mix().bug());
            process = process.add(sprint.mix().process());
        }
        String unit = sprints.get(sprints.size() - 1).mix().unit();
        return new WorkMixView(unit, feature, maintenance, techDebt, bug, process);
    }

    static Optional<TeamHealthFacts.Band> bandOn(TeamHealthFacts facts, LocalDate day) {
        return facts.bands().stream()
                .filter(b -> !b.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(TeamHealthFacts.Band::effectiveFrom).thenComparing(TeamHealthFacts.Band::agreedAt));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, SHARE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
