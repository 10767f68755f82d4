package io.retro.web.shared;

import io.retro.command.shared.NotAllowedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Errors on pages, as pages: 403 for someone who may not see this, 404 for an unknown id. The REST
 * API's own handler comes first for REST controllers; this one only sees page controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrors {

    @ExceptionHandler(NotAllowedException.class)
    String notAllowed(NotAllowedException e, ServerWebExchange exchange, Model model) {
        return page(exchange, model, HttpStatus.FORBIDDEN, "Not for you", e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    String notFound(Exception e, ServerWebExchange exchange, Model model) {
        return page(exchange, model, HttpStatus.NOT_FOUND, "Not found", "There is nothing here: check the address.");
    }

    private static String page(ServerWebExchange exchange, Model model, HttpStatus status, String title, String detail) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "error-page";
    }
}
