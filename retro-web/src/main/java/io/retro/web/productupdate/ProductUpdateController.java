package io.retro.web.productupdate;

import io.retro.security.RetroUser;
import io.retro.web.shared.Created;
import jakarta.validation.Valid;
import java.util.List;
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
@RequestMapping("/api/v1")
class ProductUpdateController {

    private final ProductUpdates productUpdates;

    ProductUpdateController(ProductUpdates productUpdates) {
        this.productUpdates = productUpdates;
    }

    @PostMapping("/teams/{teamId}/product-updates")
    Mono<ResponseEntity<Created>> post(@PathVariable String teamId, @Valid @RequestBody PostProductUpdateRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return productUpdates.post(teamId, request.title(), request.body(), request.metricList(), request.voiceList(),
                        request.goalList(), user)
                .map(id -> Created.at("/api/v1/product-updates", id));
    }

    @GetMapping("/teams/{teamId}/product-updates")
    Mono<List<ProductUpdateResponse>> feed(@PathVariable String teamId, @AuthenticationPrincipal RetroUser user) {
        return productUpdates.feed(teamId, user);
    }

    @PostMapping("/product-updates/{updateId}/acknowledgements")
    Mono<ResponseEntity<Void>> acknowledge(@PathVariable String updateId, @AuthenticationPrincipal RetroUser user) {
        return productUpdates.acknowledge(updateId, user).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/product-updates/{updateId}/questions")
    Mono<ResponseEntity<Created>> ask(@PathVariable String updateId, @Valid @RequestBody TextRequest request,
            @AuthenticationPrincipal RetroUser user) {
        return productUpdates.ask(updateId, request.text(), user)
                .map(id -> Created.at("/api/v1/product-updates/" + updateId + "/questions", id));
    }

    @PutMapping("/product-updates/{updateId}/questions/{questionId}/answer")
    Mono<ResponseEntity<Void>> answer(@PathVariable String updateId, @PathVariable String questionId,
            @Valid @RequestBody TextRequest request, @AuthenticationPrincipal RetroUser user) {
        return productUpdates.answer(updateId, questionId, request.text(), user).thenReturn(ResponseEntity.noContent().build());
    }
}
