package io.retro.api.retro;

/**
 * Asks for a retro's board as {@code viewerId} sees it (their votes left, hidden counts during
 * voting); answered with a {@link RetroBoardView}.
 */
public record FindRetroBoardQuery(String retroId, String viewerId) {}
