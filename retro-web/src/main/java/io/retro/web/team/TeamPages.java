package io.retro.web.team;

import io.retro.api.retro.FindTeamRetrosQuery;
import io.retro.api.retro.RetroSummaryView;
import io.retro.api.team.AgreeBalanceTargetCommand;
import io.retro.api.team.CreateTeamCommand;
import io.retro.api.team.FindTeamsQuery;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamSummaryView;
import io.retro.security.RetroUser;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.InvalidInputException;
import io.retro.web.shared.PageRedirects;
import io.retro.web.shared.TextLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The team pages: your teams, start one, one team's members, balance band and retros. */
@Controller
class TeamPages {

    private final Gateways gateways;
    private final TeamDetails teamDetails;
    private final TeamMembers teamMembers;
    private final Clock clock;

    TeamPages(Gateways gateways, TeamDetails teamDetails, TeamMembers teamMembers, Clock clock) {
        this.gateways = gateways;
        this.teamDetails = teamDetails;
        this.teamMembers = teamMembers;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/teams";
    }

    @GetMapping("/login")
    String login(ServerWebExchange exchange, Model model) {
        var query = exchange.getRequest().getQueryParams();
        model.addAttribute("failed", query.containsKey("error"));
        model.addAttribute("locked", query.containsKey("locked"));
        model.addAttribute("signedOut", query.containsKey("logout"));
        return "login";
    }

    @GetMapping("/teams")
    Mono<String> teams(@AuthenticationPrincipal RetroUser user, Model model) {
        return gateways.queryList(user.admin() ? FindTeamsQuery.all() : FindTeamsQuery.ofMember(user.id()), TeamSummaryView.class)
                .doOnNext(teams -> model.addAttribute("teams", teams))
                .thenReturn("teams");
    }

    @PostMapping("/teams")
    Mono<String> createTeam(ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        String teamId = UUID.randomUUID().toString();
        return exchange.getFormData()
                .map(form -> requiredText(form, "name", TextLimits.NAME))
                .flatMap(name -> gateways.send(new CreateTeamCommand(teamId, name, user.requester())))
                .then(Mono.fromSupplier(() -> "redirect:/teams/" + teamId))
                .onErrorResume(error -> PageRedirects.failed("/teams", error));
    }

    @GetMapping("/teams/{teamId}")
    Mono<String> team(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user, Model model) {
        return teamDetails.read(teamId, user)
                .doOnNext(team -> model.addAttribute("team", team))
                .then(gateways.queryList(new FindTeamRetrosQuery(teamId), RetroSummaryView.class))
                .doOnNext(retros -> model.addAttribute("retros", retros))
                .thenReturn("team");
    }

    @PostMapping("/teams/{teamId}/members")
    Mono<String> addMember(@PathVariable String teamId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        String page = "/teams/" + teamId;
        return exchange.getFormData()
                .flatMap(form -> teamMembers.add(teamId, requiredText(form, "username", TextLimits.NAME), role(form), user))
                .as(PageRedirects.outcome(page, "Member added."));
    }

    @PostMapping("/teams/{teamId}/balance-target")
    Mono<String> agreeBand(@PathVariable String teamId, ServerWebExchange exchange, @AuthenticationPrincipal RetroUser user) {
        String page = "/teams/" + teamId;
        return exchange.getFormData()
                .flatMap(form -> gateways.send(new AgreeBalanceTargetCommand(teamId,
                        share(form, "minPercent"), share(form, "maxPercent"), optionalText(form, "rationale"),
                        date(form, "effectiveFrom"), user.requester())))
                .as(PageRedirects.outcome(page, "Band agreed."));
    }

    private static String requiredText(MultiValueMap<String, String> form, String field, int max) {
        String value = optionalText(form, field);
        if (value == null || value.length() > max) {
            throw new InvalidInputException(field, "Give a " + field + " of 1 to " + max + " characters.");
        }
        return value;
    }

    private static String optionalText(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static MemberRole role(MultiValueMap<String, String> form) {
        try {
            return MemberRole.valueOf(form.getFirst("role"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("role", "Choose a role.");
        }
    }

    private static BigDecimal share(MultiValueMap<String, String> form, String field) {
        try {
            return new BigDecimal(form.getFirst(field).strip()).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException(field, "Give a percentage from 0 to 100.");
        }
    }

    private LocalDate date(MultiValueMap<String, String> form, String field) {
        String value = optionalText(form, field);
        try {
            return value == null ? LocalDate.now(clock) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Give a date as YYYY-MM-DD.");
        }
    }
}
