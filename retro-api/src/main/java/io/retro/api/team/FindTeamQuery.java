package io.retro.api.team;

/** Asks for one team with its members and balance targets; answered with a {@link TeamView}. */
public record FindTeamQuery(String teamId) {}
