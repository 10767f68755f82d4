package io.retro.api.techdebt;

/** A member proposed a tech-debt item; it starts PROPOSED. */
public record TechDebtProposedEvent(
        String itemId,
        String teamId,
        String title,
        String description,
        String area,
        String estimate,
        Impact impact,
        String proposedBy) {}
