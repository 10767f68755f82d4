package io.retro.api.retro;

/**
 * In this retro the team decided about an open action item of an earlier retro
 * ({@code sourceRetroId}): done, kept open, or dropped. DONE and DROP end its carrying over.
 */
public record CarriedActionItemReviewedEvent(
        String retroId,
        String teamId,
        String sourceRetroId,
        String actionItemId,
        CarryOverDecision decision,
        String reviewedBy) {}
