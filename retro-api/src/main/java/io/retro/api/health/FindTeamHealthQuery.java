package io.retro.api.health;

import java.time.LocalDate;

/**
 * Asks for a team's health, period by period, for every period of {@code granularity} that ends
 * within {@code from}..{@code to} (sprints: whose sprint ends within it). Answered with a
 * {@link TeamHealthView}, or nothing when the team is unknown.
 */
public record FindTeamHealthQuery(String teamId, LocalDate from, LocalDate to, Granularity granularity) {}
