package io.retro.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class ThrottledSignInsTest {

    private static final String ADDRESS = "10.0.0.7";

    private final LoginThrottle throttle = new LoginThrottle();
    private final List<Duration> refusals = new ArrayList<>();
    private final ThrottledSignIns filter = new ThrottledSignIns(throttle, (exchange, wait) -> {
        refusals.add(wait);
        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        return exchange.getResponse().setComplete();
    });
    private final AtomicInteger passedOn = new AtomicInteger();
    private final WebFilterChain handler = exchange -> Mono.fromRunnable(passedOn::incrementAndGet);

    @Test
    void aThrottledAttemptIsRefusedAndGoesNoFurtherEvenWithTheRightPassword() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.failed(ADDRESS, "alice");
        }
        MockServerWebExchange exchange = signIn("alice", "the-right-password");

        filter.filter(exchange, handler).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refusals).singleElement().satisfies(wait -> assertThat(wait).isPositive());
        assertThat(passedOn).hasValue(0);
    }

    @Test
    void anAttemptThatMayTryNowPassesOnOnce() {
        throttle.failed(ADDRESS, "alice");

        filter.filter(signIn("alice", "a-guess"), handler).block();

        assertThat(refusals).isEmpty();
        assertThat(passedOn).hasValue(1);
    }

    @Test
    void aRequestWithoutASignInPassesOnOnce() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed(ADDRESS, "user" + i);
        }

        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/login")
                .remoteAddress(new InetSocketAddress(ADDRESS, 40000))), handler).block();

        assertThat(refusals).isEmpty();
        assertThat(passedOn).hasValue(1);
    }

    private static MockServerWebExchange signIn(String username, String password) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me")
                .remoteAddress(new InetSocketAddress(ADDRESS, 40000))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }
}
