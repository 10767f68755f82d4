package io.retro.web.productupdate;

import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.team.MemberRole;
import io.retro.security.RetroUser;
import io.retro.web.live.LiveUpdates;
import io.retro.web.live.TeamChanges;
import io.retro.web.shared.DisplayNames;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.PageRedirects;
import io.retro.web.shared.TeamAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A team's product updates: the PM writes with a live preview, members read, acknowledge and ask in
 * place. Forms post and redirect back; with htmx the page swaps in only its feed, and the feed is
 * refetched whenever an update of the team changes.
 */
@Controller
class ProductUpdatePages {

    private final ProductUpdates productUpdates;
    private final TeamAccess teamAccess;
    private final DisplayNames displayNames;
    private final MarkdownRenderer markdown;
    private final TeamChanges teamChanges;
    private final LiveUpdates liveUpdates;

    ProductUpdatePages(ProductUpdates productUpdates, TeamAccess teamAccess, DisplayNames displayNames,
            MarkdownRenderer markdown, TeamChanges teamChanges,
            LiveUpdates liveUpdates) {
        this.productUpdates = productUpdates;
        this.teamAccess = teamAccess;
        this.displayNames = displayNames;
        this.markdown = markdown;
        this.teamChanges = teamChanges;
        this.liveUpdates = liveUpdates;
    }

    @GetMapping("/teams/{teamId}/product-updates")
    Mono<String> page(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user, Model model) {
        return feedModel(teamId, user, model).thenReturn("product-updates");
    }

    @GetMapping("/teams/{teamId}/product-updates/feed")
    Mono<String> feed(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user, Model model) {
        return feedModel(teamId, user, model).thenReturn("product-updates :: feed");
    }

    @GetMapping(path = "/teams/{teamId}/product-updates/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user) {
        Flux<ServerSentEvent<String>> changes = teamChanges.of(teamId, type -> type.startsWith("ProductUpdate"),
                        updateId -> productUpdates.update(updateId).map(update -> update.teamId()).onErrorResume(e -> Mono.empty()))
                .map(change -> ServerSentEvent.builder(change.type()).id(change.aggregateId() + ":" + change.sequenceNumber()).build());
        return teamAccess.readableTeam(teamId, user).thenMany(liveUpdates.pageStream(changes));
    }

    @PostMapping("/teams/{teamId}/product-updates/preview")
    Mono<String> preview(ServerWebExchange exchange, Model model) {
        return exchange.getFormData()
                .doOnNext(form -> model.addAttribute("previewHtml", markdown.toHtml(form.getFirst("body"))))
                .thenReturn("product-updates :: preview");
    }

    @PostMapping("/teams/{teamId}/product-updates")
    Mono<String> post(@PathVariable String teamId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId);
        return exchange.getFormData()
                .flatMap(form -> productUpdates.post(teamId, text(form, "title"), text(form, "body"), metrics(form),
                        lines(form, "customerVoices").toList(), goals(form), user))
                .as(PageRedirects.outcome(page, "Update posted."));
    }

    @PostMapping("/teams/{teamId}/product-updates/{updateId}/acknowledgements")
    Mono<String> acknowledge(@PathVariable String teamId, @PathVariable String updateId, @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId);
        return productUpdates.acknowledge(updateId, user)
                .as(PageRedirects.outcome(page, "Acknowledged."));
    }

    @PostMapping("/teams/{teamId}/product-updates/{updateId}/questions")
    Mono<String> ask(@PathVariable String teamId, @PathVariable String updateId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId);
        return exchange.getFormData()
                .flatMap(form -> productUpdates.ask(updateId, text(form, "text"), user))
                .as(PageRedirects.outcome(page, "Question asked."));
    }

    @PostMapping("/teams/{teamId}/product-updates/{updateId}/questions/{questionId}/answer")
    Mono<String> answer(@PathVariable String teamId, @PathVariable String updateId, @PathVariable String questionId,
            ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId);
        return exchange.getFormData()
                .flatMap(form -> productUpdates.answer(updateId, questionId, text(form, "text"), user))
                .as(PageRedirects.outcome(page, "Answer saved."));
    }

    private Mono<Void> feedModel(String teamId, RetroUser user, Model model) {
        return teamAccess.readableTeam(teamId, user)
                .flatMap(team -> productUpdates.feedOf(team, user).flatMap(updates -> {
                    MemberRole role = team.roleOf(user.id()).orElse(null);
                    model.addAttribute("team", team);
                    model.addAttribute("updates", updates);
                    model.addAttribute("isMember", role != null);
                    model.addAttribute("mayPost", role == MemberRole.PRODUCT_MANAGER || user.admin());
                    List<String> people = new ArrayList<>();
                    updates.forEach(update -> {
                        people.add(update.postedBy());
                        update.questions().forEach(question -> people.add(question.authorId()));
                    });
                    return displayNames.of(people).doOnNext(names -> model.addAttribute("names", names));
                }))
                .then();
    }

    private static String pageOf(String teamId) {
        return "/teams/" + teamId + "/product-updates";
    }

    /** Blank is passed on as null: the aggregate owns the rule and its message. */
    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Stream<String> lines(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? Stream.empty() : value.lines().map(String::strip).filter(line -> !line.isEmpty());
    }

    /** One metric a line: name | value | unit | change; unit and change may be left out. */
    private static List<Metric> metrics(MultiValueMap<String, String> form) {
        return lines(form, "metrics").map(line -> {
            String[] parts = line.split("\\|", -1);
            if (parts.length < 2) {
                throw new InvalidInputException("metrics", "Write each metric as: name | value | unit | change.");
            }
            return new Metric(parts[0].strip(), number("metrics", parts[1]),
                    parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null,
                    parts.length > 3 && !parts[3].isBlank() ? number("metrics", parts[3]) : null);
        }).toList();
    }

    /** One goal a line: name | progress in percent. */
    private static List<GoalProgress> goals(MultiValueMap<String, String> form) {
        return lines(form, "goals").map(line -> {
            String[] parts = line.split("\\|", -1);
            if (parts.length != 2) {
                throw new InvalidInputException("goals", "Write each goal as: name | progress in percent.");
            }
            BigDecimal percent = number("goals", parts[1].replace("%", ""));
            return new GoalProgress(parts[0].strip(), percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP).stripTrailingZeros());
        }).toList();
    }

    private static BigDecimal number(String field, String value) {
        try {
            return new BigDecimal(value.strip().replace("+", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + value.strip() + "' is not a number.");
        }
    }
}
