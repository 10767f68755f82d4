package io.retro.web.history;

import io.retro.api.history.QuarterlyReviewView.QuarterView;
import io.retro.projections.history.Quarter;
import io.retro.security.RetroUser;
import io.retro.web.health.HealthDisplay;
import io.retro.web.shared.NotFoundException;
import io.retro.web.shared.TeamAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

/** The printable quarterly review. */
@Controller
class HistoryPages {

    private final TeamHistory history;
    private final TeamAccess teamAccess;
    private final Clock clock;

    HistoryPages(TeamHistory history, TeamAccess teamAccess, Clock clock) {
        this.history = history;
        this.teamAccess = teamAccess;
        this.clock = clock;
    }

    @GetMapping("/teams/{teamId}/reviews")
    String currentQuarter(@PathVariable String teamId) {
        return "redirect:/teams/" + teamId + "/reviews/" + Quarter.containing(LocalDate.now(clock));
    }

    @GetMapping("/teams/{teamId}/reviews/{quarter}")
    Mono<String> review(@PathVariable String teamId, @PathVariable String quarter, @AuthenticationPrincipal RetroUser user,
            Model model) {
        Quarter shown = Quarter.parse(quarter).orElseThrow(() -> new NotFoundException("There is no quarter " + quarter + "."));
        return teamAccess.readableTeam(teamId, user)
                .then(history.review(teamId, shown))
                .doOnNext(review -> {
                    model.addAttribute("review", review);
                    model.addAttribute("figures", figures(review.quarter(), review.previous()));
                    model.addAttribute("previousQuarter", shown.previous().toString());
                    model.addAttribute("nextQuarter", shown.next().toString());
                })
                .thenReturn("review");
    }

    /** One line of the side-by-side table: a figure this quarter, the quarter before, and the change. */
    record Figure(String label, String now, String before, String change) {}

    private static List<Figure> figures(QuarterView now, QuarterView before) {
        return List.of(
                share("Maintenance share", now.maintenanceShare(), before.maintenanceShare()),
                count("Sprints", now.sprints().size(), before.sprints().size()),
                count("Tech debt opened", now.techDebtOpened(), before.techDebtOpened()),
                count("Tech debt resolved", now.techDebtResolved(), before.techDebtResolved()),
                count("Action items created", now.actionItemsCreated(), before.actionItemsCreated()),
                count("Action items done", now.actionItemsDone(), before.actionItemsDone()),
                count("Product updates", now.productUpdates(), before.productUpdates()),
                share("Updates acknowledged", now.acknowledgementRate(), before.acknowledgementRate()));
    }

    private static Figure count(String label, int now, int before) {
        int change = now - before;
        return new Figure(label, Integer.toString(now), Integer.toString(before), (change > 0 ? "+" : "") + change);
    }

    private static Figure share(String label, BigDecimal now, BigDecimal before) {
        String change = "–";
        if (now != null && before != null) {
            BigDecimal points = now.subtract(before).movePointRight(2).stripTrailingZeros();
            change = (points.signum() > 0 ? "+" : "") + points.toPlainString() + " pts";
        }
        return new Figure(label, HealthDisplay.percent(now), HealthDisplay.percent(before), change);
    }
}
