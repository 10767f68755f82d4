package io.retro.api.retro;

/** An action item of this retro was marked open or done. */
public record ActionItemStatusChangedEvent(
        String retroId, String teamId, String actionItemId, ActionItemStatus status, String changedBy) {}
