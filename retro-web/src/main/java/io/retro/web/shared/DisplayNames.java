package io.retro.web.shared;

import io.retro.security.UserAccount;
import io.retro.security.UserAccounts;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Display names for pages: events carry user ids only, names live in the account store. */
@Component
public class DisplayNames {

    private final UserAccounts accounts;

    public DisplayNames(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Names by user id; ids without an account (erased) are missing, pages say "Former member". */
    public Mono<Map<String, String>> of(Collection<String> userIds) {
        return Mono.fromCallable(() -> accounts.findByIds(userIds.stream().distinct().toList()).stream()
                        .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
