package io.retro.web.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The consistency check over REST; admin only, like all of {@code /api/v1/admin}. */
@RestController
class ConsistencyController {

    private final ConsistencyCheck check;

    ConsistencyController(ConsistencyCheck check) {
        this.check = check;
    }

    /** Rebuilds every read model apart and reports what differs from the live one; takes as long as a replay. */
    @GetMapping("/api/v1/admin/consistency")
    Mono<ConsistencyReport> run() {
        return Mono.fromCallable(check::run).subscribeOn(Schedulers.boundedElastic());
    }
}
