package io.retro.web.health;

import io.retro.api.health.HealthStatus;
import io.retro.api.health.TeamHealthView;
import java.util.Comparator;

/** One team on the org page: its newest period with data, or none. */
public record TeamHealthRow(String teamId, String name, HealthPeriodRow latest) {

    /** Teams at risk first, so the page opens on the ones that need a look. */
    static final Comparator<TeamHealthRow> WORST_FIRST = Comparator
            .comparingInt((TeamHealthRow row) -> row.latest() == null ? -1 : row.latest().status().ordinal())
            .reversed()
            .thenComparing(row -> row.name() == null ? "" : row.name(), String.CASE_INSENSITIVE_ORDER);

    static TeamHealthRow of(TeamHealthView team) {
        return new TeamHealthRow(team.teamId(), team.name(),
                HealthDisplay.latestWithData(team.points()).map(HealthPeriodRow::of).orElse(null));
    }

    public HealthStatus status() {
        return latest == null ? null : latest.status();
    }
}
