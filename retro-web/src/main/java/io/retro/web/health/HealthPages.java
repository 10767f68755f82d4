package io.retro.web.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retro.api.health.FindTeamHealthQuery;
import io.retro.api.health.FindTeamsHealthQuery;
import io.retro.api.health.Granularity;
import io.retro.api.health.TeamHealthView;
import io.retro.api.team.FindTeamsQuery;
import io.retro.api.team.TeamSummaryView;
import io.retro.command.shared.NotAllowedException;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The health dashboards: one team's periods as charts, reasons and a table, and every visible team
 * in one list. The charts draw from the same trend data, embedded in the page as JSON.
 */
@Controller
class HealthPages {

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    HealthPages(Gateways gateways, TeamAccess teamAccess, ObjectMapper objectMapper, Clock clock) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @GetMapping("/teams/{teamId}/health")
    Mono<String> team(@PathVariable String teamId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            @AuthenticationPrincipal RetroUser user, Model model) {
        HealthRange range = range(from, to, granularity, model);
        return teamAccess.readableTeam(teamId, user)
                .flatMap(team -> gateways.queryOptional(
                        new FindTeamHealthQuery(teamId, range.from(), range.to(), range.granularity()), TeamHealthView.class))
                .map(found -> found.orElseThrow(() -> new NotFoundException("There is no team " + teamId + ".")))
                .doOnNext(health -> {
                    model.addAttribute("health", health);
                    model.addAttribute("rows", health.points().stream().map(HealthPeriodRow::of).toList());
                    model.addAttribute("latest", HealthDisplay.latestWithData(health.points()).map(HealthPeriodRow::of).orElse(null));
                    model.addAttribute("hasPressure", health.points().stream()
                            .anyMatch(p -> p.openTechDebt() != null || (p.actionItemsCreated() != null && p.actionItemsCreated() > 0)));
                    model.addAttribute("healthJson", HealthJson.forScript(objectMapper, health));
                })
                .thenReturn("health")
                .onErrorMap(HealthPages::pageStatus);
    }

    @GetMapping("/health")
    Mono<String> teams(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity, @AuthenticationPrincipal RetroUser user, Model model) {
        HealthRange range = range(from, to, granularity, model);
        return gateways.queryList(user.admin() ? FindTeamsQuery.all() : FindTeamsQuery.ofMember(user.id()), TeamSummaryView.class)
                .flatMap(teams -> teams.isEmpty() ? Mono.just(List.<TeamHealthView>of()) : gateways.queryList(new FindTeamsHealthQuery(
                        teams.stream().map(TeamSummaryView::id).toList(), range.from(), range.to(), range.granularity()),
                        TeamHealthView.class))
                .doOnNext(health -> {
                    model.addAttribute("teams", health.stream().map(TeamHealthRow::of).sorted(TeamHealthRow.WORST_FIRST).toList());
                    model.addAttribute("healthJson", HealthJson.forScript(objectMapper, health));
                })
                .thenReturn("health-org");
    }

    /** The asked range; a range that cannot be read falls back to the default and says why, the page still shows. */
    private HealthRange range(String from, String to, String granularity, Model model) {
        LocalDate today = LocalDate.now(clock);
        HealthRange range;
        try {
            range = HealthRange.parse(from, to, granularity, today);
        } catch (InvalidInputException e) {
            model.addAttribute("errorNotice", e.getMessage() + " Showing the default range instead.");
            range = HealthRange.parse(null, null, null, today);
        }
        model.addAttribute("range", range);
        model.addAttribute("granularities", Granularity.values());
        return range;
    }

    // Pages answer with the status the REST API would give; the problem documents stay with the API.
    private static Throwable pageStatus(Throwable error) {
        if (error instanceof NotAllowedException) {
            return new ResponseStatusException(HttpStatus.FORBIDDEN, error.getMessage());
        }
        if (error instanceof NotFoundException) {
            return new ResponseStatusException(HttpStatus.NOT_FOUND, error.getMessage());
        }
        return error;
    }
}
