package io.retro.api.retro;

/** An item was removed. Carries no remover: that could name an anonymous author. */
public record RetroItemDeletedEvent(String retroId, String itemId) {}
