package io.retro.web.shared;

import io.retro.command.shared.DomainRuleException;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Post-redirect-get for pages: a form's outcome travels as a query parameter that the page shows.
 * Only rule violations and invalid input are shown as they are; anything else keeps its details
 * in the log.
 */
public final class PageRedirects {

    private PageRedirects() {}

    /** The page to go to after a form's work: back to {@code path} saying {@code message}, or saying what went wrong. */
    public static Function<Mono<?>, Mono<String>> outcome(String path, String message) {
        return work -> work.then(Mono.fromSupplier(() -> done(path, message))).onErrorResume(error -> failed(path, error));
    }

    public static String done(String path, String message) {
        return "redirect:" + UriComponentsBuilder.fromPath(path).queryParam("done", message).encode().toUriString();
    }

    public static Mono<String> failed(String path, Throwable error) {
        if (error instanceof DomainRuleException || error instanceof InvalidInputException || error instanceof NotFoundException) {
            return Mono.just("redirect:" + UriComponentsBuilder.fromPath(path).queryParam("error", error.getMessage()).encode().toUriString());
        }
        return Mono.error(error);
    }

}
