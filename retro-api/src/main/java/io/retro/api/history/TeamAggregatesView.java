package io.retro.api.history;

import java.util.List;

/** The ids of a team's aggregates other than the team itself, in no particular order. */
public record TeamAggregatesView(String teamId, List<String> aggregateIds) {}
