package io.retro.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failed sign-ins are counted per address and username, and per
 * address alone (against trying many usernames); past the limit, that address gets no answer but
 * 429 until the oldest failure leaves the window. Counting per address and username keeps an
 * attacker from locking a person out everywhere. Held in memory per node: a restart or another
 * node starts counting afresh, which bounds the guesses rather than stopping them.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 10;
    static final int MAX_FAILURES_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must wait before trying this username again; zero when it may try now. */
    public Duration waitBeforeTrying(String address, String username) {
        Instant now = clock.instant();
        Duration perUser = waitFor(userKey(address, username), MAX_FAILURES_PER_USER, now);
        Duration perAddress = waitFor(address, MAX_FAILURES_PER_ADDRESS, now);
        return perUser.compareTo(perAddress) >= 0 ? perUser : perAddress;
    }

    public void failed(String address, String username) {
        Instant now = clock.instant();
        record(userKey(address, username), now);
        record(address, now);
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            prune(recent, now);
            recent.addLast(now);
            return recent;
        });
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Duration[] wait = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            prune(times, now);
            if (times.size() >= limit) {
                wait[0] = Duration.between(now, times.peekFirst().plus(WINDOW));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.pollFirst();
        }
    }

    private static String userKey(String address, String username) {
        return address + "|" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }
}
