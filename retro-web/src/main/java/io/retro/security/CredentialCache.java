package io.retro.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * Checks passwords, remembering a correct one briefly. API clients send their password with every
 * request (HTTP Basic), and a deliberately slow password hash on each would cost more than the
 * request itself; so a successful check is remembered for {@link #TTL}, keyed by a digest of
 * username and password, in memory only. Deleting an account forgets it at once.
 */
public class CredentialCache implements ReactiveAuthenticationManager {

    static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final ReactiveAuthenticationManager passwordCheck;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public CredentialCache(ReactiveUserDetailsService users, PasswordEncoder passwordEncoder) {
        UserDetailsRepositoryReactiveAuthenticationManager check = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        check.setPasswordEncoder(passwordEncoder);
        this.passwordCheck = check;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return passwordCheck.authenticate(authentication);
        }
        String key = digest(authentication.getName(), password);
        Remembered hit = remembered.get(key);
        if (hit != null && hit.until() > System.nanoTime()) {
            return Mono.just(UsernamePasswordAuthenticationToken.authenticated(hit.user(), null, hit.user().getAuthorities()));
        }
        return passwordCheck.authenticate(authentication).doOnNext(result -> {
            if (result.getPrincipal() instanceof RetroUser user) {
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
                remembered.put(key, new Remembered(user, System.nanoTime() + TTL.toNanos()));
            }
        });
    }

    /** Forgets every remembered sign-in of this username. */
    public void forget(String username) {
        remembered.values().removeIf(entry -> entry.user().getUsername().equals(username));
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(RetroUser user, long until) {}
}
