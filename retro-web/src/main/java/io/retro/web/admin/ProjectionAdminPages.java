package io.retro.web.admin;

import io.retro.web.shared.PageRedirects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The admin page of read models: where each stands, rebuild one, watch the rebuild's progress. */
@Controller
class ProjectionAdminPages {

    private final Rebuilds rebuilds;

    ProjectionAdminPages(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/admin/projections")
    Mono<String> page(Model model) {
        return statuses(model).thenReturn("admin-projections");
    }

    /** The table alone, polled by the page while it is open. */
    @GetMapping("/admin/projections/table")
    Mono<String> table(Model model) {
        return statuses(model).thenReturn("admin-projections :: table");
    }

    @PostMapping("/admin/projections/{name}/replay")
    Mono<String> replay(@PathVariable String name) {
        return Mono.fromRunnable(() -> rebuilds.replay(name))
                .subscribeOn(Schedulers.boundedElastic())
                .as(PageRedirects.outcome("/admin/projections", "Rebuilding " + name + "."));
    }

    private Mono<Void> statuses(Model model) {
        return Mono.fromCallable(rebuilds::statuses)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(statuses -> {
                    model.addAttribute("projections", statuses);
                    model.addAttribute("rebuilding", statuses.stream().anyMatch(ProjectionStatus::replaying));
                })
                .then();
    }
}
