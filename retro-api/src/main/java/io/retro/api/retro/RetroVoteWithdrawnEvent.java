package io.retro.api.retro;

/** A member took one of their dots back from an item. */
public record RetroVoteWithdrawnEvent(String retroId, String itemId, String voterId) {}
