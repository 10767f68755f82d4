package io.retro.security;

import java.time.Duration;
import java.util.function.BiFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a sign-in attempt while its address or its username has failed too often, before any
 * password is checked. A refused request goes no further: neither the password check nor the
 * handler runs, so a throttled request with the right password changes nothing. Requests that
 * attempt no sign-in pass.
 */
final class ThrottledSignIns implements WebFilter {

    private final LoginThrottle throttle;
    private final BiFunction<ServerWebExchange, Duration, Mono<Void>> refusal;

    /** @param refusal writes the answer to a refused attempt, given how long it must wait */
    ThrottledSignIns(LoginThrottle throttle, BiFunction<ServerWebExchange, Duration, Mono<Void>> refusal) {
        this.throttle = throttle;
        this.refusal = refusal;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // One decision, then one path: the refusal completes empty, so an empty signal cannot
        // stand for "not throttled".
        return LoginAttempt.of(exchange)
                .map(attempt -> throttle.waitBeforeTrying(attempt.address(), attempt.username()))
                .defaultIfEmpty(Duration.ZERO)
                .flatMap(wait -> wait.isZero() ? chain.filter(exchange) : refusal.apply(exchange, wait));
    }
}
