package io.retro.web.shared;

import java.util.List;

/** Input that Bean Validation cannot judge alone (a rule across fields, a path parameter). */
public class InvalidInputException extends RuntimeException {

    private final List<FieldMessage> errors;

    public InvalidInputException(String field, String message) {
        super(message, null, false, false);
        this.errors = List.of(new FieldMessage(field, message));
    }

    public List<FieldMessage> errors() {
        return errors;
    }
}
