package io.retro.web.shared;

import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.NotAllowedException;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The one mapping from exceptions to problem documents for the REST API. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(Exception e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "No such item: check the id in the path.";
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment; nothing was stored. Try again.");
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        return invalid(e.getMessage(), List.of(new FieldMessage(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.getMessage(), e.errors());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed by this request unless it said so.");
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldMessage> errors = e.getFieldErrors().stream()
                .map(error -> new FieldMessage(error.getField(), messageOf(error)))
                .toList();
        ProblemDetail problem = invalid("The request has invalid fields: see errors.", errors);
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body is too large.");
            return Mono.just(ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem));
        }
        String detail = causedBy(e, DecodingException.class)
                ? "The request body is not valid JSON of the expected shape: " + rootMessage(e)
                : e.getReason() == null ? "The request is malformed." : e.getReason();
        return Mono.just(ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail)));
    }

    private static ProblemDetail invalid(String detail, List<FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return problem;
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson appends the source location and a long reference chain; the first line says enough.
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
