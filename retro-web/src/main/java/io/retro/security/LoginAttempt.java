package io.retro.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a sign-in attempt comes from and which username it tries: from a Basic header or the login form. */
record LoginAttempt(String address, String username) {

    static Mono<LoginAttempt> of(ServerWebExchange exchange) {
        String address = Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                .map(InetSocketAddress::getAddress)
                .map(a -> a.getHostAddress())
                .orElse("unknown");
        Optional<String> basicUser = basicUsername(exchange);
        if (basicUser.isPresent()) {
            return Mono.just(new LoginAttempt(address, basicUser.get()));
        }
        if (HttpMethod.POST.equals(exchange.getRequest().getMethod()) && "/login".equals(exchange.getRequest().getPath().value())) {
            return exchange.getFormData().mapNotNull(form -> form.getFirst("username")).map(user -> new LoginAttempt(address, user));
        }
        return Mono.empty();
    }

    private static Optional<String> basicUsername(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
