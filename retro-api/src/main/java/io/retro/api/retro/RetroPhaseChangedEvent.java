package io.retro.api.retro;

/** A retro moved on to its next phase. */
public record RetroPhaseChangedEvent(String retroId, String teamId, RetroPhase phase, String changedBy) {}
