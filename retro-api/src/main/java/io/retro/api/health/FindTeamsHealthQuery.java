package io.retro.api.health;

import java.time.LocalDate;
import java.util.List;

/** Asks for the health of several teams at once; answered with a list of {@link TeamHealthView}. */
public record FindTeamsHealthQuery(List<String> teamIds, LocalDate from, LocalDate to, Granularity granularity) {}
