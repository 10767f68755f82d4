package io.retro.api.history;

/** Asks which retros, tech-debt items and product updates belong to a team; answered with {@link TeamAggregatesView}. */
public record FindTeamAggregatesQuery(String teamId) {}
