package io.retro.api.techdebt;

/** Asks for one tech-debt item; answered with an optional {@link TechDebtItemView}. */
public record FindTechDebtItemQuery(String itemId) {}
