package io.retro.api.techdebt;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a tech-debt item stands. It moves one step forward, PROPOSED → ACCEPTED → SCHEDULED →
 * RESOLVED, or is REJECTED from any open status. RESOLVED and REJECTED are final: a mistaken
 * rejection is fixed by proposing the item again, which keeps the history honest.
 */
public enum TechDebtStatus {
    PROPOSED,
    ACCEPTED,
    SCHEDULED,
    RESOLVED,
    REJECTED;

    /** Open items can still be voted on and moved. */
    public boolean open() {
        return this == PROPOSED || this == ACCEPTED || this == SCHEDULED;
    }

    /** The statuses this one may move to. */
    public Set<TechDebtStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACCEPTED, REJECTED);
            case ACCEPTED -> EnumSet.of(SCHEDULED, REJECTED);
            case SCHEDULED -> EnumSet.of(RESOLVED, REJECTED);
            case RESOLVED, REJECTED -> EnumSet.noneOf(TechDebtStatus.class);
        };
    }
}
