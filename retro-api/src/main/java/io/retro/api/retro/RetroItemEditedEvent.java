package io.retro.api.retro;

import io.retro.api.shared.WorkCategory;

/** An item's text or category changed. Carries no editor: that could name an anonymous author. */
public record RetroItemEditedEvent(String retroId, String itemId, String text, WorkCategory category) {}
