package io.retro.api.techdebt;

/** A facilitator or product manager moved a tech-debt item from one status to another, with a note. */
public record TechDebtStatusChangedEvent(
        String itemId, String teamId, TechDebtStatus from, TechDebtStatus to, String note, String changedBy) {}
