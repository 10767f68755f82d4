package io.retro.web.history;

import io.retro.api.history.QuarterlyReviewView;
import io.retro.api.history.TeamStateView;
import io.retro.projections.history.Quarter;
import io.retro.security.RetroUser;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.TeamAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A team as it was at an instant, and its quarterly reviews; both replayed from the events. */
@RestController
@RequestMapping("/api/v1/teams/{teamId}")
class HistoryController {

    private final TeamHistory history;
    private final TeamAccess teamAccess;
    private final Clock clock;

    HistoryController(TeamHistory history, TeamAccess teamAccess, Clock clock) {
        this.history = history;
        this.teamAccess = teamAccess;
        this.clock = clock;
    }

    @GetMapping("/state")
    Mono<TeamStateView> state(@PathVariable String teamId, @RequestParam(required = false) String asOf,
            @AuthenticationPrincipal RetroUser user) {
        Instant instant = asOf == null ? clock.instant() : instant(asOf);
        return teamAccess.readableTeam(teamId, user).then(history.stateAsOf(teamId, instant));
    }

    @GetMapping("/reviews/{quarter}")
    Mono<QuarterlyReviewView> review(@PathVariable String teamId, @PathVariable String quarter,
            @AuthenticationPrincipal RetroUser user) {
        Quarter parsed = Quarter.parse(quarter).orElseThrow(() ->
                new InvalidInputException("quarter", "Give a quarter as YEAR-Qn, for example 2026-Q1."));
        return teamAccess.readableTeam(teamId, user).then(history.review(teamId, parsed));
    }

    /** An instant ({@code 2026-03-31T12:00:00Z}), or a day, meaning the end of that day in UTC. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
            } catch (DateTimeParseException notADay) {
                throw new InvalidInputException("asOf", "Give an instant such as 2026-03-31T12:00:00Z, or a day such as 2026-03-31.");
            }
        }
    }
}
