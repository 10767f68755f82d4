package io.retro.web.techdebt;

import io.retro.api.team.TeamView;
import io.retro.api.techdebt.ChangeTechDebtStatusCommand;
import io.retro.api.techdebt.FindTechDebtItemQuery;
import io.retro.api.techdebt.FindTechDebtRegisterQuery;
import io.retro.api.techdebt.Impact;
import io.retro.api.techdebt.ProposeTechDebtCommand;
import io.retro.api.techdebt.TechDebtItemView;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.VoteTechDebtCommand;
import io.retro.api.techdebt.WithdrawTechDebtVoteCommand;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import io.retro.web.shared.TeamCommands;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the API and the pages both do with a team's tech debt: read the register, and give the commands. */
@Component
class TechDebtRegister {

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final TeamCommands teamCommands;
    private final Clock clock;

    TechDebtRegister(Gateways gateways, TeamAccess teamAccess, TeamCommands teamCommands, Clock clock) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.teamCommands = teamCommands;
        this.clock = clock;
    }

    Mono<List<TechDebtEntry>> read(String teamId, String status, String sort, RetroUser user) {
        return teamAccess.readableTeam(teamId, user).flatMap(team -> readOf(team, status, sort, user));
    }

    /** The register of a team the user was already found to be allowed to read. */
    Mono<List<TechDebtEntry>> readOf(TeamView team, String status, String sort, RetroUser user) {
        FindTechDebtRegisterQuery query = new FindTechDebtRegisterQuery(team.id(), status(status), byVotes(sort));
        return gateways.queryList(query, TechDebtItemView.class)
                .map(items -> items.stream().map(item -> TechDebtEntry.of(item, user.id(), clock.instant())).toList());
    }

    Mono<String> propose(String teamId, String title, String description, String area, String estimate, Impact impact,
            RetroUser user) {
        String itemId = UUID.randomUUID().toString();
        return teamCommands.send(teamId, user, role -> new ProposeTechDebtCommand(itemId, teamId, title,
                        blankToNull(description), blankToNull(area), blankToNull(estimate), impact, user.requester(), role))
                .thenReturn(itemId);
    }

    Mono<Void> vote(String itemId, RetroUser user) {
        return item(itemId).flatMap(item -> teamCommands.send(item.teamId(), user,
                role -> new VoteTechDebtCommand(itemId, user.requester(), role))).then();
    }

    Mono<Void> withdrawVote(String itemId, RetroUser user) {
        return item(itemId).flatMap(item -> teamCommands.send(item.teamId(), user,
                role -> new WithdrawTechDebtVoteCommand(itemId, user.requester(), role))).then();
    }

    Mono<Void> changeStatus(String itemId, TechDebtStatus status, String note, RetroUser user) {
        return item(itemId).flatMap(item -> teamCommands.send(item.teamId(), user,
                role -> new ChangeTechDebtStatusCommand(itemId, status, blankToNull(note), user.requester(), role))).then();
    }

    /** The item, for the team it belongs to; 404 when there is none. */
    Mono<TechDebtItemView> item(String itemId) {
        return gateways.queryOptional(new FindTechDebtItemQuery(itemId), TechDebtItemView.class)
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no tech-debt item " + itemId + ".")));
    }

    static TechDebtStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TechDebtStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status must be one of PROPOSED, ACCEPTED, SCHEDULED, RESOLVED, REJECTED.");
        }
    }

    private static boolean byVotes(String sort) {
        if (sort == null || sort.isBlank()) {
            return false;
        }
        if ("votes".equalsIgnoreCase(sort.strip())) {
            return true;
        }
        throw new InvalidInputException("sort", "sort may only be 'votes'.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
