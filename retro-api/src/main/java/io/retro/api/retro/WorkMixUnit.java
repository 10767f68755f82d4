package io.retro.api.retro;

/** The unit a team measures its sprint's effort in. */
public enum WorkMixUnit {
    POINTS,
    HOURS,
    ITEMS
}
