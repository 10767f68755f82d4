package io.retro.api.team;

/** A member of a team was given another role. */
public record TeamMemberRoleChangedEvent(String teamId, String userId, MemberRole role, String changedBy) {}
