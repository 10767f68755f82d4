package io.retro.eventstore;

/**
 * What an append waits for before it counts as done. A real MongoDB gets durability from its write
 * concern; the embedded server writes to disk in the background and must be told to commit.
 */
@FunctionalInterface
public interface AppendDurability {

    AppendDurability NONE = () -> {};

    /** Returns once everything appended before the call is on disk. */
    void awaitDurable();
}
