package io.retro.api.productupdate;

import java.math.BigDecimal;

/** How far the team got towards one product goal: {@code progress} is a share in 0..1. */
public record GoalProgress(String name, BigDecimal progress) {}
