package io.retro.projections.health;

import static io.retro.api.health.Granularity.QUARTER;
import static io.retro.api.health.Granularity.SPRINT;
import static io.retro.api.health.HealthStatus.AT_RISK;
import static io.retro.api.health.HealthStatus.HEALTHY;
import static io.retro.api.health.HealthStatus.WATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.retro.api.health.Granularity;
import io.retro.api.health.HealthStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthRulesTest {

    private static PeriodFacts share(Granularity granularity, Double share, Double min, Double max) {
        return new PeriodFacts(granularity, share, min, max, null, null, null, null, null);
    }

    private static PeriodFacts sprint(Double share) {
        return share(SPRINT, share, 0.2, 0.4);
    }

    private static PeriodFacts debt(Granularity granularity, Double share, int openVotes) {
        return new PeriodFacts(granularity, share, 0.2, 0.4, openVotes, null, null, null, null);
    }

    private static PeriodFacts actions(int created, int done) {
        return new PeriodFacts(SPRINT, null, null, null, null, created, done, null, null);
    }

    private static PeriodFacts updates(int posted, double acknowledged) {
        return new PeriodFacts(SPRINT, null, null, null, null, null, null, posted, acknowledged);
    }

    static Stream<Arguments> balanceRule() {
        return Stream.of(
                Arguments.of("inside the band", sprint(0.3), List.of(), HEALTHY,
                        List.of("Maintenance was 30% of the work, within the agreed 20–40%.")),
                Arguments.of("on the lower edge counts as inside", sprint(0.2), List.of(), HEALTHY,
                        List.of("Maintenance was 20% of the work, within the agreed 20–40%.")),
                Arguments.of("below once", sprint(0.1), List.of(sprint(0.3)), WATCH,
                        List.of("Maintenance was 10% of the work, below the agreed 20–40%.")),
                Arguments.of("below for the second sprint running", sprint(0.1), List.of(sprint(0.3), sprint(0.15)), AT_RISK,
                        List.of("Maintenance was 10% of the work, below the agreed 20–40%, for the 2nd sprint running.")),
                Arguments.of("above for the third sprint running", sprint(0.5), List.of(sprint(0.45), sprint(0.42)), AT_RISK,
                        List.of("Maintenance was 50% of the work, above the agreed 20–40%, for the 3rd sprint running.")),
                Arguments.of("below after above is not a run", sprint(0.1), List.of(sprint(0.5)), WATCH,
                        List.of("Maintenance was 10% of the work, below the agreed 20–40%.")),
                Arguments.of("far outside at once", sprint(0.6), List.of(), AT_RISK,
                        List.of("Maintenance was 60% of the work, above the agreed 20–40%.")),
                Arguments.of("exactly 15 points outside is only a watch", sprint(0.05), List.of(), WATCH,
                        List.of("Maintenance was 5% of the work, below the agreed 20–40%.")),
                Arguments.of("no band agreed", share(SPRINT, 0.7, null, null), List.of(), HEALTHY,
                        List.of("Maintenance was 70% of the work; no band is agreed yet.")),
                Arguments.of("no data", share(QUARTER, null, 0.2, 0.4), List.of(), null,
                        List.of("No data for this quarter.")));
    }

    static Stream<Arguments> debtPressureRule() {
        return Stream.of(
                Arguments.of("votes rose 40% while below the band", debt(QUARTER, 0.1, 14), List.of(debt(QUARTER, 0.3, 10)), AT_RISK,
                        List.of("Maintenance was 10% of the work, below the agreed 20–40%.",
                                "Open tech-debt votes rose 40% this quarter (10 to 14) while maintenance stayed below the band.")),
                Arguments.of("votes rose 25% inside the band", debt(QUARTER, 0.3, 5), List.of(debt(QUARTER, 0.3, 4)), WATCH,
                        List.of("Maintenance was 30% of the work, within the agreed 20–40%.",
                                "Open tech-debt votes rose 25% this quarter (4 to 5).")),
                Arguments.of("votes rose less than 25%", debt(QUARTER, 0.3, 12), List.of(debt(QUARTER, 0.3, 10)), HEALTHY,
                        List.of("Maintenance was 30% of the work, within the agreed 20–40%.")),
                Arguments.of("votes fell", debt(QUARTER, 0.3, 2), List.of(debt(QUARTER, 0.3, 10)), HEALTHY,
                        List.of("Maintenance was 30% of the work, within the agreed 20–40%.")),
                Arguments.of("no earlier votes to compare with", debt(QUARTER, null, 7), List.of(), HEALTHY, List.of()));
    }

    static Stream<Arguments> followThroughAndProductRules() {
        return Stream.of(
                Arguments.of("half the action items done", actions(4, 2), List.of(), HEALTHY, List.of()),
                Arguments.of("fewer than half done", actions(5, 2), List.of(), WATCH,
                        List.of("Only 2 of 5 action items were done.")),
                Arguments.of("too few items to judge", actions(2, 0), List.of(), HEALTHY, List.of()),
                Arguments.of("updates mostly acknowledged", updates(2, 0.75), List.of(), HEALTHY, List.of()),
                Arguments.of("updates rarely acknowledged", updates(3, 0.3), List.of(), WATCH,
                        List.of("Only 30% of product updates were acknowledged by the team.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"balanceRule", "debtPressureRule", "followThroughAndProductRules"})
    void judgesPeriod(String situation, PeriodFacts current, List<PeriodFacts> earlier, HealthStatus status, List<String> reasons) {
        HealthRules.Assessment assessment = HealthRules.assess(current, earlier);
        assertThat(assessment.status()).as(situation).isEqualTo(status);
        assertThat(assessment.reasons()).as(situation).containsExactlyElementsOf(reasons);
    }

    @Test
    void worstRuleDecidesTheStatusAndEveryRuleGivesItsReason() {
        PeriodFacts period = new PeriodFacts(SPRINT, 0.3, 0.2, 0.4, null, 6, 1, 2, 0.2);
        HealthRules.Assessment assessment = HealthRules.assess(period, List.of());
        assertThat(assessment.status()).isEqualTo(WATCH);
        assertThat(assessment.reasons()).containsExactly(
                "Maintenance was 30% of the work, within the agreed 20–40%.",
                "Only 1 of 6 action items were done.",
                "Only 20% of product updates were acknowledged by the team.");
    }

    @Test
    void namesOrdinalsInEnglish() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101).stream().map(HealthRules::ordinal))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st");
    }
}
