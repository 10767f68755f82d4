package io.retro.api.retro;

/**
 * Asks for a team's action items that are still open, across its retros, oldest first; answered
 * with a list of {@link CarriedActionItem}.
 */
public record FindOpenActionItemsQuery(String teamId) {}
