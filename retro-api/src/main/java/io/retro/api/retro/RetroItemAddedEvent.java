package io.retro.api.retro;

import io.retro.api.shared.WorkCategory;

/**
 * An item was added to a column. For an anonymous item {@code authorId} is null and
 * {@code authorSeal} holds a keyed hash that lets only the author be recognised again; for an open
 * item the seal is null.
 */
public record RetroItemAddedEvent(
        String retroId,
        String itemId,
        String column,
        String text,
        WorkCategory category,
        String authorId,
        String authorSeal) {}
