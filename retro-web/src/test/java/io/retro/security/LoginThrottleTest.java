package io.retro.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void locksAUsernameFromOneAddressAfterTooManyFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
            throttle.failed("10.0.0.1", "alice");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.waitBeforeTrying("10.0.0.1", "alice")).isZero();
        throttle.failed("10.0.0.1", "Alice");
        assertThat(throttle.waitBeforeTrying("10.0.0.1", "alice")).isPositive().isLessThanOrEqualTo(LoginThrottle.WINDOW);
    }

    @Test
    void otherAddressesAndUsernamesMayStillTry() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.failed("10.0.0.1", "alice");
        }
        assertThat(throttle.waitBeforeTrying("10.0.0.2", "alice")).isZero();
        assertThat(throttle.waitBeforeTrying("10.0.0.1", "bob")).isZero();
    }

    @Test
    void locksAnAddressTryingManyUsernames() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("10.0.0.9", "user" + i);
        }
        assertThat(throttle.waitBeforeTrying("10.0.0.9", "someone-new")).isPositive();
    }

    @Test
    void failuresLeaveTheWindow() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.failed("10.0.0.1", "alice");
        }
        clock.advance(LoginThrottle.WINDOW);
        assertThat(throttle.waitBeforeTrying("10.0.0.1", "alice")).isZero();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
