package io.retro.web.user;

import io.retro.api.team.FindTeamsQuery;
import io.retro.command.shared.ConflictException;
import io.retro.api.team.TeamSummaryView;
import io.retro.security.RetroUser;
import io.retro.security.UserAccount;
import io.retro.security.UserAccounts;
import io.retro.web.shared.Created;
import io.retro.web.shared.Gateways;
import io.retro.web.shared.NotFoundException;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1")
class UserController {

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Gateways gateways;

    UserController(UserAccounts accounts, PasswordEncoder passwordEncoder, Gateways gateways) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.gateways = gateways;
    }

    @PostMapping("/users")
    Mono<ResponseEntity<Created>> create(@Valid @RequestBody CreateUserRequest request) {
        return Mono.fromCallable(() -> {
                    UserAccount account = new UserAccount(UUID.randomUUID().toString(), request.username(),
                            request.displayName(), passwordEncoder.encode(request.password()), false);
                    return accounts.create(account)
                            .orElseThrow(() -> new ConflictException("The username '" + request.username() + "' is taken."));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .map(account -> Created.at("/api/v1/users", account.id()));
    }

    /** Erases a person's account (name, username, password); their ids in the history stay, shown as a former member. */
    @DeleteMapping("/users/{userId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String userId, @AuthenticationPrincipal RetroUser admin) {
        if (userId.equals(admin.id())) {
            return Mono.error(new ConflictException("The administrator cannot delete their own account."));
        }
        return Mono.fromCallable(() -> accounts.delete(userId))
                .subscribeOn(Schedulers.boundedElastic())
                .map(deleted -> {
                    if (!deleted) {
                        throw new NotFoundException("There is no user " + userId + ".");
                    }
                    return ResponseEntity.noContent().<Void>build();
                });
    }

    @GetMapping("/me")
    Mono<MeView> me(@AuthenticationPrincipal RetroUser user) {
        return gateways.queryList(FindTeamsQuery.ofMember(user.id()), TeamSummaryView.class)
                .map(teams -> new MeView(user.id(), user.getUsername(), user.displayName(), user.admin(),
                        teams.stream().map(t -> new MeView.Membership(t.id(), t.name(), t.role())).toList()));
    }
}
