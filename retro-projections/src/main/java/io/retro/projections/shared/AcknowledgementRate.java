package io.retro.projections.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How well a team takes in product updates: acknowledgements over what was possible. */
public final class AcknowledgementRate {

    private AcknowledgementRate() {}

    /**
     * Acknowledgements over updates × members other than the poster, 0..1 to four places; null
     * when no update was posted.
     */
    public static BigDecimal of(int acknowledgements, int updates, int members) {
        if (updates == 0) {
            return null;
        }
        int possible = updates * Math.max(1, members - 1);
        return BigDecimal.valueOf(Math.min(acknowledgements, possible))
                .divide(BigDecimal.valueOf(possible), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
