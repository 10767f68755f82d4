package io.retro.api.techdebt;

/** How much a tech-debt item hurts the team, in the proposer's judgement. */
public enum Impact {
    LOW,
    MEDIUM,
    HIGH
}
