package io.retro.api.shared;

/**
 * What a piece of work or a retro item is about. The maintenance share of a sprint counts
 * MAINTENANCE, TECH_DEBT and BUG over everything but PROCESS.
 */
public enum WorkCategory {
    FEATURE,
    MAINTENANCE,
    TECH_DEBT,
    BUG,
    PROCESS
}
