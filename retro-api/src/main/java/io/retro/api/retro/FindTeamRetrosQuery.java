package io.retro.api.retro;

/** Asks for a team's retros, newest sprint first; answered with a list of {@link RetroSummaryView}. */
public record FindTeamRetrosQuery(String teamId) {}
