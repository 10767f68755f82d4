package io.retro.api.productupdate;

import java.math.BigDecimal;

/**
 * One figure of a product update, e.g. weekly active users 1200 (unit "users", change +0.08). {@code
 * unit} and {@code change} may be null; {@code change} is the movement since the last period, in the
 * PM's own terms (an absolute difference or a share).
 */
public record Metric(String name, BigDecimal value, String unit, BigDecimal change) {}
