package io.retro.api.retro;

import java.util.List;

/** Items were put under a new group; each leaves the group it was in before. */
public record RetroItemsGroupedEvent(String retroId, String groupId, String title, List<String> itemIds, String groupedBy) {}
