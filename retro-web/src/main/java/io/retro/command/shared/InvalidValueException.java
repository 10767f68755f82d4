package io.retro.command.shared;

/** A value of the command is outside what the domain accepts; {@code field} names it for the client. */
public class InvalidValueException extends DomainRuleException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
