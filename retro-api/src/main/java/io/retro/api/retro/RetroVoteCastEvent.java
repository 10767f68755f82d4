package io.retro.api.retro;

/** A member put one dot on an item. */
public record RetroVoteCastEvent(String retroId, String itemId, String voterId) {}
