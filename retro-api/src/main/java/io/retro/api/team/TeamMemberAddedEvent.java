package io.retro.api.team;

/** A user joined a team in a role. Carries ids only: names live in the account store. */
public record TeamMemberAddedEvent(String teamId, String userId, MemberRole role, String addedBy) {}
