package io.retro.api.retro;

import java.math.BigDecimal;

/** The effort a sprint spent per work category, in one unit; every amount non-negative. */
public record WorkMix(
        WorkMixUnit unit,
        BigDecimal feature,
        BigDecimal maintenance,
        BigDecimal techDebt,
        BigDecimal bug,
        BigDecimal process) {}
