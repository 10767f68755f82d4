package io.retro.web.team;

import io.retro.api.team.AddTeamMemberCommand;
import io.retro.api.team.MemberRole;
import io.retro.security.RetroUser;
import io.retro.security.UserAccounts;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Adds a member named by username: the account store resolves the name, the Team aggregate decides. */
@Component
class TeamMembers {

    private final UserAccounts accounts;
    private final Gateways gateways;

    TeamMembers(UserAccounts accounts, Gateways gateways) {
        this.accounts = accounts;
        this.gateways = gateways;
    }

    Mono<Void> add(String teamId, String username, MemberRole role, RetroUser requester) {
        return Mono.fromCallable(() -> accounts.findByUsername(username)
                        .orElseThrow(() -> new InvalidInputException("username", "There is no user '" + username + "'.")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(member -> gateways.send(new AddTeamMemberCommand(teamId, member.id(), role, requester.requester())))
                .then();
    }
}
