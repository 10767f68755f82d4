package io.retro.web.team;

import io.retro.security.RetroUser;
import io.retro.security.UserAccount;
import io.retro.security.UserAccounts;
import io.retro.web.shared.TeamAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A readable team with its members' display names, for the API and the team page alike. */
@Component
class TeamDetails {

    private final TeamAccess teamAccess;
    private final UserAccounts accounts;
    private final Clock clock;

    TeamDetails(TeamAccess teamAccess, UserAccounts accounts, Clock clock) {
        this.teamAccess = teamAccess;
        this.accounts = accounts;
        this.clock = clock;
    }

    Mono<TeamDetailsView> read(String teamId, RetroUser user) {
        return teamAccess.readableTeam(teamId, user).flatMap(team -> Mono.fromCallable(() -> {
                    Map<String, String> names = accounts.findByIds(team.members().stream().map(m -> m.userId()).toList())
                            .stream()
                            .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
                    return TeamDetailsView.of(team, names, LocalDate.now(clock));
                })
                .subscribeOn(Schedulers.boundedElastic()));
    }
}
