package io.retro.web.shared;

import io.retro.security.RetroUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page needs: the signed-in user ({@code me}, absent before sign-in), the outcome of
 * the last form ({@code errorNotice}, {@code doneNotice}, carried by {@link PageRedirects} in the
 * query string), and the CSRF token for its forms. One method fills the first two: WebFlux ran
 * only one of several attribute methods that add to the model themselves.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageModel {

    @ModelAttribute
    Mono<Void> page(ServerWebExchange exchange, Model model) {
        String error = exchange.getRequest().getQueryParams().getFirst("error");
        String done = exchange.getRequest().getQueryParams().getFirst("done");
        if (error != null && !error.isBlank()) {
            model.addAttribute("errorNotice", error);
        }
        if (done != null && !done.isBlank()) {
            model.addAttribute("doneNotice", done);
        }
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> ((Authentication) principal).getPrincipal())
                .filter(RetroUser.class::isInstance)
                .doOnNext(user -> model.addAttribute("me", user))
                .then();
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
