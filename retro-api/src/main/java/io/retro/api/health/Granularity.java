package io.retro.api.health;

/** The length of a period in trend queries. */
public enum Granularity {
    SPRINT,
    MONTH,
    QUARTER
}
