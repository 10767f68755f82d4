package io.retro.web.health;

import io.retro.api.health.FindTeamHealthQuery;
import io.retro.api.health.FindTeamsHealthQuery;
import io.retro.api.health.TeamHealthView;
import io.retro.api.team.FindTeamsQuery;
import io.retro.api.team.TeamSummaryView;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Trend queries: a team's health period by period, and the same for every team the caller can see. */
@RestController
@RequestMapping("/api/v1")
class HealthController {

    static final String CSV = "text/csv";

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final Clock clock;

    HealthController(Gateways gateways, TeamAccess teamAccess, Clock clock) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.clock = clock;
    }

    @GetMapping(path = "/teams/{teamId}/health", produces = "application/json")
    Mono<TeamHealthView> team(@PathVariable String teamId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            @AuthenticationPrincipal RetroUser user) {
        HealthRange range = HealthRange.parse(from, to, granularity, LocalDate.now(clock));
        return teamAccess.readableTeam(teamId, user)
                .flatMap(team -> gateways.queryOptional(
                        new FindTeamHealthQuery(teamId, range.from(), range.to(), range.granularity()), TeamHealthView.class))
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no team " + teamId + ".")));
    }

    @GetMapping(path = "/teams/{teamId}/health", produces = CSV)
    Mono<String> teamCsv(@PathVariable String teamId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            @AuthenticationPrincipal RetroUser user) {
        return team(teamId, from, to, granularity, user).map(view -> HealthCsv.of(List.of(view)));
    }

    @GetMapping(path = "/health", produces = "application/json")
    Mono<List<TeamHealthView>> all(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity, @AuthenticationPrincipal RetroUser user) {
        HealthRange range = HealthRange.parse(from, to, granularity, LocalDate.now(clock));
        return gateways.queryList(user.admin() ? FindTeamsQuery.all() : FindTeamsQuery.ofMember(user.id()), TeamSummaryView.class)
                .flatMap(teams -> gateways.queryList(new FindTeamsHealthQuery(
                        teams.stream().map(TeamSummaryView::id).toList(), range.from(), range.to(), range.granularity()),
                        TeamHealthView.class));
    }

    @GetMapping(path = "/health", produces = CSV)
    Mono<String> allCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity, @AuthenticationPrincipal RetroUser user) {
        return all(from, to, granularity, user).map(HealthCsv::of);
    }
}
