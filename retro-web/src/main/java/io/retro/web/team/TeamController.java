package io.retro.web.team;

import io.retro.api.team.AgreeBalanceTargetCommand;
import io.retro.api.team.CreateTeamCommand;
import io.retro.api.team.FindTeamsQuery;
import io.retro.api.team.TeamSummaryView;
import io.retro.security.RetroUser;
import io.retro.web.shared.Created;
import io.retro.web.shared.Gateways;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final Gateways gateways;
    private final TeamDetails teamDetails;
    private final TeamMembers teamMembers;
    private final Clock clock;

    TeamController(Gateways gateways, TeamDetails teamDetails, TeamMembers teamMembers, Clock clock) {
        this.gateways = gateways;
        this.teamDetails = teamDetails;
        this.teamMembers = teamMembers;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<Created>> create(@Valid @RequestBody CreateTeamRequest request, @AuthenticationPrincipal RetroUser user) {
        String teamId = UUID.randomUUID().toString();
        return gateways.send(new CreateTeamCommand(teamId, request.name(), user.requester()))
                .then(Mono.fromSupplier(() -> Created.at("/api/v1/teams", teamId)));
    }

    @GetMapping
    Mono<List<TeamSummaryView>> list(@AuthenticationPrincipal RetroUser user) {
        return gateways.queryList(user.admin() ? FindTeamsQuery.all() : FindTeamsQuery.ofMember(user.id()), TeamSummaryView.class);
    }

    @GetMapping("/{teamId}")
    Mono<TeamDetailsView> get(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user) {
        return teamDetails.read(teamId, user);
    }

    @PostMapping("/{teamId}/members")
    Mono<ResponseEntity<Void>> addMember(@PathVariable String teamId, @Valid @RequestBody AddMemberRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return teamMembers.add(teamId, request.username(), request.role(), user)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/{teamId}/balance-target")
    Mono<ResponseEntity<Void>> agreeBalanceTarget(@PathVariable String teamId, @Valid @RequestBody BalanceTargetRequest request,
            @AuthenticationPrincipal RetroUser user) {
        LocalDate effectiveFrom = request.effectiveFrom() == null ? LocalDate.now(clock) : request.effectiveFrom();
        return gateways.send(new AgreeBalanceTargetCommand(teamId, request.maintenanceMin(), request.maintenanceMax(),
                        request.rationale(), effectiveFrom, user.requester()))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
