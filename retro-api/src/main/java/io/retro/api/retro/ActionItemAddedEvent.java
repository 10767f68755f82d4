package io.retro.api.retro;

import java.time.LocalDate;

/** The team agreed an action in a retro, with its owner and due date; it starts OPEN. */
public record ActionItemAddedEvent(
        String retroId, String teamId, String actionItemId, String text, String ownerId, LocalDate dueDate, String addedBy) {}
