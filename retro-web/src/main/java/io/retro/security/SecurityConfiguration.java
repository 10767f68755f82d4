package io.retro.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retro.web.shared.ProblemWriter;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one place for who may reach what. The REST API is stateless HTTP Basic and answers problem
 * documents; the web UI signs in with a form, keeps a session and checks CSRF tokens. Team-level
 * rules (member, facilitator, ...) are the domain's and live in the aggregates and {@code TeamAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /**
     * Pages load scripts, styles and data from Retro itself only: no inline script or style, no
     * other origin, no framing. User text is escaped when rendered; this is the second line.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> Mono.<UserDetails>fromCallable(() -> accounts.findByUsername(username).map(RetroUser::new).orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** A request the firewall refuses (an encoded slash in a path, say) gets a problem document like any 400. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ObjectMapper objectMapper) {
        ProblemWriter problems = new ProblemWriter(objectMapper);
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "This address is not allowed.");
    }

    @Bean
    CredentialCache credentialCache(ReactiveUserDetailsService users, PasswordEncoder passwordEncoder) {
        return new CredentialCache(users, passwordEncoder);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ObjectMapper objectMapper, LoginThrottle throttle,
            CredentialCache credentials) {
        ProblemWriter problems = new ProblemWriter(objectMapper);
        ServerAuthenticationEntryPoint signIn = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"Retro\"");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic: a username and password are required.");
        };
        WebFilter throttled = new ThrottledSignIns(throttle, (exchange, wait) -> {
            long seconds = Math.max(1, wait.toSeconds());
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins. Try again in " + seconds + " seconds.");
        });
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
                .authenticationManager(credentials)
                .addFilterBefore(throttled, SecurityWebFiltersOrder.HTTP_BASIC)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.POST, "/api/v1/users").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/users/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((exchange, e) -> LoginAttempt.of(exchange)
                        .doOnNext(attempt -> throttle.failed(attempt.address(), attempt.username()))
                        .then(signIn.commence(exchange, e))))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((exchange, e) ->
                                problems.write(exchange, HttpStatus.FORBIDDEN, "Your account may not do this.")))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain uiSecurity(ServerHttpSecurity http, LoginThrottle throttle, CredentialCache credentials) {
        RedirectServerAuthenticationFailureHandler backToLogin = new RedirectServerAuthenticationFailureHandler("/login?error");
        WebFilter throttled = new ThrottledSignIns(throttle,
                (exchange, wait) -> new DefaultServerRedirectStrategy().sendRedirect(exchange, URI.create("/login?locked")));
        return http.authenticationManager(credentials)
                .addFilterBefore(throttled, SecurityWebFiltersOrder.FORM_LOGIN)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .pathMatchers("/admin/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationFailureHandler((filterExchange, e) -> LoginAttempt.of(filterExchange.getExchange())
                                .doOnNext(attempt -> throttle.failed(attempt.address(), attempt.username()))
                                .then(backToLogin.onAuthenticationFailure(filterExchange, e))))
                .logout(logout -> logout.logoutUrl("/logout"))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
