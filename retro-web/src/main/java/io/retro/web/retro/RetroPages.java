package io.retro.web.retro;

import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.TeamMemberView;
import io.retro.security.RetroUser;
import io.retro.security.UserAccount;
import io.retro.security.UserAccounts;
import io.retro.web.live.LiveChange;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.PageRedirects;
import io.retro.web.shared.TextLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import reactor.core.scheduler.Schedulers;

/**
 * The live board page. Forms post and redirect back (post-redirect-get), so they work without
 * script; with script, htmx sends them in the background and swaps in the fresh board, and the
 * page's own stream of changes makes it fetch the board again whenever anyone changes it.
 */
@Controller
class RetroPages {

    private final RetroAccess access;
    private final RetroCommands commands;
    private final BoardStream stream;
    private final UserAccounts accounts;

    RetroPages(RetroAccess access, RetroCommands commands, BoardStream stream, UserAccounts accounts) {
        this.access = access;
        this.commands = commands;
        this.stream = stream;
        this.accounts = accounts;
    }

    @GetMapping("/retros/{retroId}")
    Mono<String> page(@PathVariable String retroId, @AuthenticationPrincipal RetroUser user, Model model) {
        return boardPage(retroId, user, model).thenReturn("retro");
    }

    @GetMapping("/retros/{retroId}/board")
    Mono<String> board(@PathVariable String retroId, @AuthenticationPrincipal RetroUser user, Model model) {
        return boardPage(retroId, user, model).thenReturn("retro :: board");
    }

    @GetMapping(value = "/retros/{retroId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<LiveChange>> changes(@PathVariable String retroId, @AuthenticationPrincipal RetroUser user) {
        return stream.of(retroId, user).flatMapMany(changes -> changes);
    }

    @PostMapping("/teams/{teamId}/retros")
    Mono<String> start(@PathVariable String teamId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        return exchange.getFormData()
                .flatMap(form -> commands.start(teamId, text(form, "sprint", TextLimits.NAME), date(form, "sprintStart"),
                        date(form, "sprintEnd"), choice(form, "template", RetroTemplate::valueOf), number(form, "votesPerMember").intValue(),
                        user))
                .map(retroId -> "redirect:/retros/" + retroId)
                .onErrorResume(error -> PageRedirects.failed("/teams/" + teamId, error));
    }

    @PostMapping("/retros/{retroId}/items")
    Mono<String> addItem(@PathVariable String retroId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Item added.", exchange.getFormData().flatMap(form -> commands.addItem(retroId,
                text(form, "column", TextLimits.NAME), text(form, "text", TextLimits.TEXT),
                choice(form, "category", WorkCategory::valueOf), "on".equals(form.getFirst("anonymous")), user)));
    }

    @PostMapping("/retros/{retroId}/items/{itemId}")
    Mono<String> editItem(@PathVariable String retroId, @PathVariable String itemId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Item changed.", exchange.getFormData().flatMap(form -> commands.editItem(retroId, itemId,
                text(form, "text", TextLimits.TEXT), choice(form, "category", WorkCategory::valueOf), user)));
    }

    @PostMapping("/retros/{retroId}/items/{itemId}/delete")
    Mono<String> deleteItem(@PathVariable String retroId, @PathVariable String itemId, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Item deleted.", commands.deleteItem(retroId, itemId, user));
    }

    @PostMapping("/retros/{retroId}/groups")
    Mono<String> group(@PathVariable String retroId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Items grouped.", exchange.getFormData().flatMap(form -> {
            List<String> itemIds = form.getOrDefault("itemIds", List.of());
            if (itemIds.isEmpty()) {
                return Mono.error(new InvalidInputException("itemIds", "Select the items to group first."));
            }
            return commands.group(retroId, text(form, "title", TextLimits.NAME), itemIds, user);
        }));
    }

    @PostMapping("/retros/{retroId}/items/{itemId}/votes")
    Mono<String> vote(@PathVariable String retroId, @PathVariable String itemId, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Vote cast.", commands.vote(retroId, itemId, user));
    }

    @PostMapping("/retros/{retroId}/items/{itemId}/votes/withdraw")
    Mono<String> withdrawVote(@PathVariable String retroId, @PathVariable String itemId, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Vote taken back.", commands.withdrawVote(retroId, itemId, user));
    }

    @PostMapping("/retros/{retroId}/phase")
    Mono<String> phase(@PathVariable String retroId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Phase changed.", exchange.getFormData()
                .flatMap(form -> commands.changePhase(retroId, choice(form, "phase", RetroPhase::valueOf), user)));
    }

    @PostMapping("/retros/{retroId}/action-items")
    Mono<String> addActionItem(@PathVariable String retroId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Action item added.", exchange.getFormData().flatMap(form -> commands.addActionItem(retroId,
                text(form, "text", TextLimits.TEXT), text(form, "ownerId", TextLimits.NAME), optionalDate(form, "dueDate"), user)));
    }

    @PostMapping("/retros/{retroId}/action-items/{actionItemId}")
    Mono<String> actionItemStatus(@PathVariable String retroId, @PathVariable String actionItemId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Action item updated.", exchange.getFormData().flatMap(form -> commands.changeActionItemStatus(
                retroId, actionItemId, choice(form, "status", ActionItemStatus::valueOf), user)));
    }

    @PostMapping("/retros/{retroId}/carried-action-items/{actionItemId}")
    Mono<String> reviewCarried(@PathVariable String retroId, @PathVariable String actionItemId, ServerWebExchange exchange,
            @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Decision recorded.", exchange.getFormData().flatMap(form -> commands.reviewCarried(
                retroId, actionItemId, choice(form, "decision", CarryOverDecision::valueOf), user)));
    }

    @PostMapping("/retros/{retroId}/work-mix")
    Mono<String> workMix(@PathVariable String retroId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        return outcome(retroId, "Work mix recorded.", exchange.getFormData().flatMap(form -> commands.recordWorkMix(retroId,
                new WorkMix(choice(form, "unit", WorkMixUnit::valueOf), number(form, "feature"), number(form, "maintenance"),
                        number(form, "techDebt"), number(form, "bug"), number(form, "process")), user)));
    }

    private Mono<Void> boardPage(String retroId, RetroUser user, Model model) {
        return access.of(retroId, user)
                .flatMap(context -> Mono.fromCallable(() -> {
                            List<String> ids = context.team().members().stream().map(TeamMemberView::userId).toList();
                            return accounts.findByIds(ids).stream()
                                    .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .doOnNext(names -> {
                            model.addAttribute("view", BoardPage.of(context, user.id(), user.admin(), names));
                            model.addAttribute("members", context.team().members());
                        }))
                .then();
    }

    private static Mono<String> outcome(String retroId, String done, Mono<?> command) {
        String page = "/retros/" + retroId;
        return command.as(PageRedirects.outcome(page, done));
    }

    private static String text(MultiValueMap<String, String> form, String field, int max) {
        String value = form.getFirst(field);
        value = value == null ? null : value.strip();
        if (value == null || value.isEmpty() || value.length() > max) {
            throw new InvalidInputException(field, "Give a " + field + " of 1 to " + max + " characters.");
        }
        return value;
    }

    private static <T> T choice(MultiValueMap<String, String> form, String field, Function<String, T> parse) {
        try {
            return parse.apply(form.getFirst(field));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "Choose a " + field + ".");
        }
    }

    private static BigDecimal number(MultiValueMap<String, String> form, String field) {
        try {
            return new BigDecimal(form.getFirst(field).strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException(field, "Give a number for " + field + ".");
        }
    }

    private static LocalDate date(MultiValueMap<String, String> form, String field) {
        LocalDate date = optionalDate(form, field);
        if (date == null) {
            throw new InvalidInputException(field, "Give a date for " + field + ".");
        }
        return date;
    }

    private static LocalDate optionalDate(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Give a date as YYYY-MM-DD.");
        }
    }
}
