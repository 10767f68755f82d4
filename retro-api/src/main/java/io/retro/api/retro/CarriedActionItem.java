package io.retro.api.retro;

import java.time.LocalDate;

/** An open action item of an earlier retro, brought into a new retro for review. */
public record CarriedActionItem(
        String sourceRetroId, String actionItemId, String text, String ownerId, LocalDate dueDate) {}
