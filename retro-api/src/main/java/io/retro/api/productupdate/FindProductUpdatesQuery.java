package io.retro.api.productupdate;

/** Asks for a team's product updates, newest first; answered with a list of {@link ProductUpdateView}. */
public record FindProductUpdatesQuery(String teamId) {}
