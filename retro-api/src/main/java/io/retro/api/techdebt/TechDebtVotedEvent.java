package io.retro.api.techdebt;

import io.retro.api.team.MemberRole;

/**
 * A member voted for a tech-debt item. {@code voterRole} is the role they held when voting, so the
 * register can set engineers' and product managers' priorities side by side.
 */
public record TechDebtVotedEvent(String itemId, String teamId, String voterId, MemberRole voterRole) {}
