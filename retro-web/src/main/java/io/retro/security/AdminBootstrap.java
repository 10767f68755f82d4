package io.retro.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} account on first start, with {@code RETRO_ADMIN_PASSWORD} or a
 * generated password that is printed once. Later starts leave the account as it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // first, so that later start-up work (the demo data) finds the administrator
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final String configuredPassword;

    AdminBootstrap(UserAccounts accounts, PasswordEncoder passwordEncoder, @Value("${retro.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername(ADMIN).isPresent()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        UserAccount admin = new UserAccount(UUID.randomUUID().toString(), ADMIN, "Administrator", passwordEncoder.encode(password), true);
        if (accounts.create(admin).isEmpty()) {
            return; // another node created it first
        }
        if (generated) {
            log.warn("Created user 'admin' with generated password: {} (shown once; set RETRO_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.info("Created user 'admin' with the password from RETRO_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
