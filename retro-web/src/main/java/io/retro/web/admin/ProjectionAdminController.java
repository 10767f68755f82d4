package io.retro.web.admin;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Read models and their rebuilds; admin only (see the security configuration). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final Rebuilds rebuilds;

    ProjectionAdminController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    Mono<List<ProjectionStatus>> list() {
        return Mono.fromCallable(rebuilds::statuses).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{name}/replay")
    Mono<ResponseEntity<Void>> replay(@PathVariable String name) {
        return Mono.fromRunnable(() -> rebuilds.replay(name))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.accepted().build());
    }
}
