package io.retro.api.techdebt;

import io.retro.api.team.MemberRole;

/** A member took back their vote; {@code voterRole} is the role the vote was cast in. */
public record TechDebtVoteWithdrawnEvent(String itemId, String teamId, String voterId, MemberRole voterRole) {}
