package io.retro.api.retro;

/** Whether an action item still needs doing. */
public enum ActionItemStatus {
    OPEN,
    DONE
}
