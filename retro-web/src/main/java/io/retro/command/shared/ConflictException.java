package io.retro.command.shared;

/** The command is well formed but conflicts with the current state (wrong phase, spent budget, ...). */
public class ConflictException extends DomainRuleException {

    public ConflictException(String message) {
        super(message);
    }
}
