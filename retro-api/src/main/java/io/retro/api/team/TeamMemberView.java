package io.retro.api.team;

/** One member of a team. */
public record TeamMemberView(String userId, MemberRole role) {}
