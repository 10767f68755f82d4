package io.retro.web.retro;

import io.retro.api.retro.FindTeamRetrosQuery;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroSummaryView;
import io.retro.command.shared.ConflictException;
import io.retro.security.RetroUser;
import io.retro.web.live.LiveChange;
import io.retro.web.shared.Created;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.TeamAccess;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class RetroController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final Gateways gateways;
    private final TeamAccess teamAccess;
    private final RetroAccess access;
    private final RetroCommands commands;
    private final BoardStream stream;

    RetroController(Gateways gateways, TeamAccess teamAccess, RetroAccess access, RetroCommands commands, BoardStream stream) {
        this.gateways = gateways;
        this.teamAccess = teamAccess;
        this.access = access;
        this.commands = commands;
        this.stream = stream;
    }

    @PostMapping("/teams/{teamId}/retros")
    Mono<ResponseEntity<Created>> start(@PathVariable String teamId, @Valid @RequestBody StartRetroRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return commands.start(teamId, request.sprint(), request.sprintStart(), request.sprintEnd(), request.template(),
                        request.votesPerMember(), user)
                .map(retroId -> Created.at("/api/v1/retros", retroId));
    }

    @GetMapping("/teams/{teamId}/retros")
    Mono<List<RetroSummaryView>> list(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user) {
        return teamAccess.readableTeam(teamId, user)
                .flatMap(team -> gateways.queryList(new FindTeamRetrosQuery(teamId), RetroSummaryView.class));
    }

    /**
     * The board as JSON, or with {@code Accept: text/csv} the summary of a closed retro. One method
     * looks at the header itself: two mappings told apart by {@code produces} would be ambiguous
     * for clients that accept anything.
     */
    @GetMapping("/retros/{retroId}")
    Mono<ResponseEntity<Object>> board(@PathVariable String retroId, @AuthenticationPrincipal RetroUser user,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = wantsCsv(accept);
        return access.of(retroId, user).map(context -> {
            if (!csv) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) context.board());
            }
            if (context.board().phase() != RetroPhase.CLOSED) {
                throw new ConflictException("The summary is ready once the retro is CLOSED; it is in "
                        + context.board().phase() + " now.");
            }
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"retro-" + retroId + ".csv\"")
                    .body((Object) RetroSummary.of(context.board()).toCsv());
        });
    }

    @PostMapping("/retros/{retroId}/items")
    Mono<ResponseEntity<Created>> addItem(@PathVariable String retroId, @Valid @RequestBody AddItemRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return commands.addItem(retroId, request.column(), request.text(), request.category(),
                        Boolean.TRUE.equals(request.anonymous()), user)
                .map(itemId -> Created.at("/api/v1/retros/" + retroId + "/items", itemId));
    }

    @PutMapping("/retros/{retroId}/items/{itemId}")
    Mono<ResponseEntity<Void>> editItem(@PathVariable String retroId, @PathVariable String itemId,
            @Valid @RequestBody EditItemRequest request, @AuthenticationPrincipal RetroUser user) {
        return commands.editItem(retroId, itemId, request.text(), request.category(), user).thenReturn(noContent());
    }

    @DeleteMapping("/retros/{retroId}/items/{itemId}")
    Mono<ResponseEntity<Void>> deleteItem(@PathVariable String retroId, @PathVariable String itemId,
            @AuthenticationPrincipal RetroUser user) {
        return commands.deleteItem(retroId, itemId, user).thenReturn(noContent());
    }

    @PostMapping("/retros/{retroId}/groups")
    Mono<ResponseEntity<Created>> group(@PathVariable String retroId, @Valid @RequestBody GroupRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return commands.group(retroId, request.title(), request.itemIds(), user)
                .map(groupId -> Created.at("/api/v1/retros/" + retroId + "/groups", groupId));
    }

    @PostMapping("/retros/{retroId}/items/{itemId}/votes")
    Mono<ResponseEntity<Void>> vote(@PathVariable String retroId, @PathVariable String itemId,
            @AuthenticationPrincipal RetroUser user) {
        return commands.vote(retroId, itemId, user).thenReturn(noContent());
    }

    @DeleteMapping("/retros/{retroId}/items/{itemId}/votes")
    Mono<ResponseEntity<Void>> withdrawVote(@PathVariable String retroId, @PathVariable String itemId,
            @AuthenticationPrincipal RetroUser user) {
        return commands.withdrawVote(retroId, itemId, user).thenReturn(noContent());
    }

    @PostMapping("/retros/{retroId}/phase")
    Mono<ResponseEntity<Void>> changePhase(@PathVariable String retroId, @Valid @RequestBody PhaseRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return commands.changePhase(retroId, request.phase(), user).thenReturn(noContent());
    }

    @PostMapping("/retros/{retroId}/action-items")
    Mono<ResponseEntity<Created>> addActionItem(@PathVariable String retroId, @Valid @RequestBody ActionItemRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return commands.addActionItem(retroId, request.text(), request.ownerId(), request.dueDate(), user)
                .map(id -> Created.at("/api/v1/retros/" + retroId + "/action-items", id));
    }

    @PutMapping("/retros/{retroId}/action-items/{actionItemId}")
    Mono<ResponseEntity<Void>> changeActionItemStatus(@PathVariable String retroId, @PathVariable String actionItemId,
            @Valid @RequestBody ActionItemStatusRequest request, @AuthenticationPrincipal RetroUser user) {
        return commands.changeActionItemStatus(retroId, actionItemId, request.status(), user).thenReturn(noContent());
    }

    /** Follow-through: the team's decision on an open action item carried in from an earlier retro. */
    @PutMapping("/retros/{retroId}/carried-action-items/{actionItemId}")
    Mono<ResponseEntity<Void>> reviewCarried(@PathVariable String retroId, @PathVariable String actionItemId,
            @Valid @RequestBody CarriedReviewRequest request, @AuthenticationPrincipal RetroUser user) {
        return commands.reviewCarried(retroId, actionItemId, request.decision(), user).thenReturn(noContent());
    }

    @PutMapping("/retros/{retroId}/work-mix")
    Mono<ResponseEntity<Void>> recordWorkMix(@PathVariable String retroId, @Valid @RequestBody WorkMixRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return commands.recordWorkMix(retroId, request.toWorkMix(), user).thenReturn(noContent());
    }

    @GetMapping(value = "/retros/{retroId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<LiveChange>> stream(@PathVariable String retroId, @AuthenticationPrincipal RetroUser user) {
        return stream.of(retroId, user).flatMapMany(changes -> changes);
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        org.springframework.util.MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }

    private static ResponseEntity<Void> noContent() {
        return ResponseEntity.noContent().build();
    }
}
