package io.retro.api.techdebt;

/**
 * Asks for a team's tech-debt items, answered with a list of {@link TechDebtItemView}: only those in
 * {@code status} when it is not null; ranked by votes (most first, then oldest first) when {@code
 * byVotes}, else newest first.
 */
public record FindTechDebtRegisterQuery(String teamId, TechDebtStatus status, boolean byVotes) {}
