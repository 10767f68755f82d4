package io.retro.api.retro;

import java.time.LocalDate;

/** An action item agreed in a retro. */
public record ActionItemView(String id, String text, String ownerId, LocalDate dueDate, ActionItemStatus status) {}
