package io.retro.web.techdebt;

import io.retro.api.team.MemberRole;
import io.retro.api.techdebt.Impact;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.security.RetroUser;
import io.retro.web.live.LiveUpdates;
import io.retro.web.live.TeamChanges;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.PageRedirects;
import io.retro.web.shared.TeamAccess;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A team's tech-debt register: propose, vote, move along the lifecycle, and see where engineers and
 * product managers rank differently. The register refetches itself when any item of the team changes.
 */
@Controller
class TechDebtPages {

    private final TechDebtRegister register;
    private final TeamAccess teamAccess;
    private final TeamChanges teamChanges;
    private final LiveUpdates liveUpdates;

    TechDebtPages(TechDebtRegister register, TeamAccess teamAccess, TeamChanges teamChanges,
            LiveUpdates liveUpdates) {
        this.register = register;
        this.teamAccess = teamAccess;
        this.teamChanges = teamChanges;
        this.liveUpdates = liveUpdates;
    }

    @GetMapping("/teams/{teamId}/tech-debt")
    Mono<String> page(@PathVariable String teamId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort, @AuthenticationPrincipal RetroUser user, Model model) {
        return registerModel(teamId, status, sort, user, model).thenReturn("tech-debt");
    }

    @GetMapping("/teams/{teamId}/tech-debt/register")
    Mono<String> registerFragment(@PathVariable String teamId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort, @AuthenticationPrincipal RetroUser user, Model model) {
        return registerModel(teamId, status, sort, user, model).thenReturn("tech-debt :: register");
    }

    @GetMapping(path = "/teams/{teamId}/tech-debt/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user) {
        Flux<ServerSentEvent<String>> changes = teamChanges.of(teamId, type -> type.startsWith("TechDebt"),
                        itemId -> register.item(itemId).map(item -> item.teamId()).onErrorResume(e -> Mono.empty()))
                .map(change -> ServerSentEvent.builder(change.type()).id(change.aggregateId() + ":" + change.sequenceNumber()).build());
        return teamAccess.readableTeam(teamId, user).thenMany(liveUpdates.pageStream(changes));
    }

    @PostMapping("/teams/{teamId}/tech-debt")
    Mono<String> propose(@PathVariable String teamId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId, exchange);
        return exchange.getFormData()
                .flatMap(form -> register.propose(teamId, text(form, "title"), text(form, "description"), text(form, "area"),
                        text(form, "estimate"), impact(form), user))
                .as(PageRedirects.outcome(page, "Item proposed."));
    }

    @PostMapping("/teams/{teamId}/tech-debt/{itemId}/vote")
    Mono<String> vote(@PathVariable String teamId, @PathVariable String itemId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId, exchange);
        return register.vote(itemId, user)
                .as(PageRedirects.outcome(page, "Vote counted."));
    }

    @PostMapping("/teams/{teamId}/tech-debt/{itemId}/unvote")
    Mono<String> withdrawVote(@PathVariable String teamId, @PathVariable String itemId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId, exchange);
        return register.withdrawVote(itemId, user)
                .as(PageRedirects.outcome(page, "Vote taken back."));
    }

    @PostMapping("/teams/{teamId}/tech-debt/{itemId}/status")
    Mono<String> changeStatus(@PathVariable String teamId, @PathVariable String itemId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        String page = pageOf(teamId, exchange);
        return exchange.getFormData()
                .flatMap(form -> register.changeStatus(itemId, status(form), text(form, "note"), user))
                .as(PageRedirects.outcome(page, "Status changed."));
    }

    private Mono<Void> registerModel(String teamId, String status, String sort, RetroUser user, Model model) {
        return teamAccess.readableTeam(teamId, user)
                .flatMap(team -> register.readOf(team, status, sort, user).doOnNext(items -> {
                    MemberRole role = team.roleOf(user.id()).orElse(null);
                    model.addAttribute("team", team);
                    model.addAttribute("items", items);
                    model.addAttribute("isMember", role != null);
                    model.addAttribute("mayMove", user.admin() || role == MemberRole.FACILITATOR || role == MemberRole.PRODUCT_MANAGER);
                    model.addAttribute("status", TechDebtRegister.status(status));
                    model.addAttribute("byVotes", "votes".equalsIgnoreCase(sort));
                    model.addAttribute("statuses", TechDebtStatus.values());
                    model.addAttribute("query", query(status, sort));
                }))
                .then();
    }

    /** Back to the page as it was filtered, so a vote does not lose the reader's view. */
    private static String pageOf(String teamId, ServerWebExchange exchange) {
        var params = exchange.getRequest().getQueryParams();
        return "/teams/" + teamId + "/tech-debt" + query(params.getFirst("status"), params.getFirst("sort"));
    }

    private static String query(String status, String sort) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        if (status != null && !status.isBlank()) {
            builder.queryParam("status", status.strip());
        }
        if (sort != null && !sort.isBlank()) {
            builder.queryParam("sort", sort.strip());
        }
        return builder.encode().build().toUriString();
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Impact impact(MultiValueMap<String, String> form) {
        try {
            return Impact.valueOf(form.getFirst("impact"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("impact", "Choose an impact: LOW, MEDIUM or HIGH.");
        }
    }

    private static TechDebtStatus status(MultiValueMap<String, String> form) {
        try {
            return TechDebtStatus.valueOf(form.getFirst("status"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("status", "Choose a status.");
        }
    }
}
