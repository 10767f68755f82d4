package io.retro.api.retro;

/** The phases of a retro, in the only order they may follow. */
public enum RetroPhase {
    REFLECT,
    GROUP,
    VOTE,
    DISCUSS,
    CLOSED;

    /** The phase after this one, or null after CLOSED. */
    public RetroPhase next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }

    /** Whether vote counts may be shown: only once voting is over, so nobody votes with the crowd. */
    public boolean votesVisible() {
        return this == DISCUSS || this == CLOSED;
    }
}
