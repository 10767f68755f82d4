package io.retro.api.retro;

import java.time.LocalDate;

/** An open action item of an earlier retro on a new board for review; {@code decision} null until reviewed. */
public record CarriedActionItemView(
        String id, String sourceRetroId, String text, String ownerId, LocalDate dueDate, CarryOverDecision decision) {}
