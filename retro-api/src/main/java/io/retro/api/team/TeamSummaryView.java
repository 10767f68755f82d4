package io.retro.api.team;

/** A team in a list; {@code role} is the asking member's role, null when listing every team. */
public record TeamSummaryView(String id, String name, MemberRole role) {}
