package io.retro.api.retro;

/**
 * What a team decides about an open action item from an earlier retro when it reviews it at the
 * start of a new one: it is done, it stays open, or it is no longer worth doing.
 */
public enum CarryOverDecision {
    DONE,
    KEEP,
    DROP
}
