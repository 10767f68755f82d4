package io.retro.api.retro;

import io.retro.api.shared.WorkCategory;

/**
 * An item on the board. {@code authorId} is null for anonymous items; {@code votes} is null while
 * counts are hidden; {@code myVotes} are the viewer's own dots on it.
 */
public record RetroItemView(
        String id, String column, String text, WorkCategory category, String authorId, Integer votes, String groupId,
        int myVotes) {}
