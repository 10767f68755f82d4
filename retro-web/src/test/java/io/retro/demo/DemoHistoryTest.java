package io.retro.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    @Test
    void sprintsEndFortnightlyOnFridaysWithTheLastOneBeforeToday() {
        List<LocalDate> ends = DemoHistory.sprintEnds(LocalDate.parse("2026-11-23"));

        assertThat(ends).hasSize(52);
        assertThat(ends.get(51)).isEqualTo("2026-11-20");
        assertThat(ends.get(50)).isEqualTo("2026-11-06");
        assertThat(ends.get(0)).isEqualTo(LocalDate.parse("2026-11-20").minusWeeks(102));
    }

    @Test
    void aSprintEndingTodayIsNotTold() {
        assertThat(DemoHistory.sprintEnds(LocalDate.parse("2026-11-20")).get(51)).isEqualTo("2026-11-13");
    }
}
