package io.retro.api.health;

import java.util.List;

/** A team's health over a range, one point per period, oldest first; every period of the range is present. */
public record TeamHealthView(String teamId, String name, Granularity granularity, List<HealthPointView> points) {}
