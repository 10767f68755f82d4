package io.retro.demo;

import io.retro.security.UserAccount;
import io.retro.security.UserAccounts;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills the store with three teams and two years of fortnightly sprints up to the last Friday,
 * each team telling one {@link TeamStory}. Everything goes through the command gateway, so it is
 * real events judged by every rule of the aggregates. Deterministic: the same seed tells the same
 * stories, only shifted to end at today.
 */
@Component
public class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final long SEED = 20_261_123L;

    private final CommandGateway commands;
    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoHistory(CommandGateway commands, UserAccounts accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** A team the demo made, with the story it tells. */
    public record DemoTeam(String story, String teamId, String name, List<String> usernames) {}

    /** What the demo made. */
    public record Filled(List<DemoTeam> teams, int sprintsPerTeam, int commands) {}

    /**
     * Tells every story into new teams and users; {@code suffix} (may be empty) is added to team
     * names and usernames so that a store can hold the demo more than once, and every demo user
     * gets {@code password}. Single-threaded and not to be run beside other work: see {@link Agenda}.
     */
    public synchronized Filled fill(String suffix, String password) {
        Instant now = clock.instant();
        List<LocalDate> sprintEnds = sprintEnds(LocalDate.now(clock));
        String passwordHash = passwordEncoder.encode(password);
        Agenda agenda = new Agenda(commands, now);
        List<DemoTeam> teams = new ArrayList<>();
        TeamStory[] stories = TeamStory.values();
        for (int index = 0; index < stories.length; index++) {
            TeamStory story = stories[index];
            List<String> usernames = new ArrayList<>();
            String productManager = user(story.productManager(), suffix, passwordHash, usernames);
            String facilitator = user(story.facilitator(), suffix, passwordHash, usernames);
            List<String> engineers = story.engineers().stream()
                    .map(name -> user(name, suffix, passwordHash, usernames))
                    .toList();
            String name = suffix.isBlank() ? story.teamName() : story.teamName() + " " + suffix;
            TeamHistory history = new TeamHistory(story, name, agenda, new Random(SEED + index), sprintEnds,
                    productManager, facilitator, engineers);
            int team = index + 1;
            history.tell(sprint -> log.info("Demo data: team {} of {}, sprint {} of {}", team, stories.length, sprint,
                    sprintEnds.size()));
            teams.add(new DemoTeam(story.name(), history.teamId(), name, List.copyOf(usernames)));
        }
        return new Filled(List.copyOf(teams), sprintEnds.size(), agenda.commandsSent());
    }

    /** Fortnightly sprints, Monday to the Friday of the next week, the last one ending before today. */
    static List<LocalDate> sprintEnds(LocalDate today) {
        LocalDate last = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        List<LocalDate> ends = new ArrayList<>();
        for (int sprint = TeamStory.SPRINTS - 1; sprint >= 0; sprint--) {
            ends.add(last.minusWeeks(2L * sprint));
        }
        return ends;
    }

    /** Makes the account, or takes over the id of one that already has the username. */
    private String user(String displayName, String suffix, String passwordHash, List<String> usernames) {
        String first = displayName.substring(0, displayName.indexOf(' ')).toLowerCase(Locale.ROOT);
        String username = suffix.isBlank() ? first : first + "-" + suffix;
        usernames.add(username);
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), username, displayName, passwordHash, false);
        return accounts.create(account)
                .or(() -> accounts.findByUsername(username))
                .map(UserAccount::id)
                .orElseThrow();
    }
}
