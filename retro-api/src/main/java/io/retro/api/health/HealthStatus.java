package io.retro.api.health;

/** How a team's period looks against what it agreed: worst of the health rules that apply. */
public enum HealthStatus {
    HEALTHY,
    WATCH,
    AT_RISK
}
