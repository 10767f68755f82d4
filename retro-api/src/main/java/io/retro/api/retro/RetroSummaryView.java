package io.retro.api.retro;

import java.time.LocalDate;

/** A retro in a team's list. */
public record RetroSummaryView(String id, String sprint, RetroPhase phase, LocalDate sprintStart, LocalDate sprintEnd) {}
