package io.retro.web.techdebt;

import io.retro.security.RetroUser;
import io.retro.web.shared.Created;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class TechDebtController {

    private final TechDebtRegister register;

    TechDebtController(TechDebtRegister register) {
        this.register = register;
    }

    @PostMapping("/teams/{teamId}/tech-debt")
    Mono<ResponseEntity<Created>> propose(@PathVariable String teamId, @Valid @RequestBody ProposeTechDebtRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return register.propose(teamId, request.title(), request.description(), request.area(), request.estimate(),
                        request.impact(), user)
                .map(id -> Created.at("/api/v1/tech-debt", id));
    }

    @GetMapping("/teams/{teamId}/tech-debt")
    Mono<List<TechDebtEntry>> list(@PathVariable String teamId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort, @AuthenticationPrincipal RetroUser user) {
        return Mono.defer(() -> register.read(teamId, status, sort, user));
    }

    @PostMapping("/tech-debt/{itemId}/votes")
    Mono<ResponseEntity<Void>> vote(@PathVariable String itemId, @AuthenticationPrincipal RetroUser user) {
        return register.vote(itemId, user).thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/tech-debt/{itemId}/votes")
    Mono<ResponseEntity<Void>> withdrawVote(@PathVariable String itemId, @AuthenticationPrincipal RetroUser user) {
        return register.withdrawVote(itemId, user).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/tech-debt/{itemId}/status")
    Mono<ResponseEntity<Void>> changeStatus(@PathVariable String itemId, @Valid @RequestBody StatusRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return register.changeStatus(itemId, request.status(), request.note(), user).thenReturn(ResponseEntity.noContent().build());
    }
}
