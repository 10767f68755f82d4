package io.retro.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.retro.api.health.Granularity;
import io.retro.api.health.HealthPointView;
import io.retro.api.health.HealthStatus;
import io.retro.api.health.TeamHealthView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthJsonTest {

    private static final String HOSTILE = "</script><script>alert('x')</script><!-- & -->";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void userTextCannotCloseTheScriptElement() {
        String json = HealthJson.forScript(mapper, team(HOSTILE, HOSTILE));

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(json).contains("\\u003c/script\\u003e");
    }

    @Test
    void escapedJsonReadsBackToTheSameValues() throws Exception {
        TeamHealthView team = team(HOSTILE, "Maintenance was 10% of the work, below the agreed 20–40% <b>");

        TeamHealthView read = mapper.readValue(HealthJson.forScript(mapper, team), TeamHealthView.class);

        assertThat(read).isEqualTo(team);
    }

    @Test
    void jsonWithoutMarkupIsLeftAsItIs() {
        assertThat(HealthJson.escape("{\"name\":\"Checkout\",\"share\":0.2}")).isEqualTo("{\"name\":\"Checkout\",\"share\":0.2}");
    }

    private static TeamHealthView team(String name, String reason) {
        HealthPointView point = new HealthPointView("Sprint 1", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 16),
                null, new BigDecimal("0.9"), new BigDecimal("0.1"), new HealthPointView.TargetView(new BigDecimal("0.2"), new BigDecimal("0.4")),
                HealthStatus.WATCH, List.of(reason), null, null, null, null, null, null, null, null, null, null, null);
        return new TeamHealthView("team-1", name, Granularity.SPRINT, List.of(point));
    }
}
