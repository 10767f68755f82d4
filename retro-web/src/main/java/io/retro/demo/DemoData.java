package io.retro.demo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import io.retro.api.team.TeamCreatedEvent;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code retro.demo=true}, fills a store that has no team yet with the {@link DemoHistory},
 * at start and before anyone uses the service. Runs after the administrator is made.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoHistory history;
    private final MongoDatabase database;
    private final boolean enabled;

    DemoData(DemoHistory history, MongoDatabase database, @Value("${retro.demo:false}") boolean enabled) {
        this.history = history;
        this.database = database;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        // The events, not a read model: a read model may still be catching up at start.
        if (database.getCollection("events").find(eq("payloadType", TeamCreatedEvent.class.getName())).first() != null) {
            log.info("Demo data: the store already has teams; nothing added.");
            return;
        }
        String password = generatePassword();
        long started = System.nanoTime();
        DemoHistory.Filled filled = history.fill("", password);
        List<String> usernames = filled.teams().stream().flatMap(team -> team.usernames().stream()).toList();
        log.info("Demo data: {} teams, {} sprints each, {} commands in {} ms",
                filled.teams().size(), filled.sprintsPerTeam(), filled.commands(), (System.nanoTime() - started) / 1_000_000);
        log.warn("Demo users {} share the password: {} (shown once)", usernames, password);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
