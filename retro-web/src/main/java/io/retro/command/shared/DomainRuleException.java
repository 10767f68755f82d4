package io.retro.command.shared;

/**
 * A command broke a rule of the domain. The subclasses say which kind of rule, and the web layer
 * maps each kind to one HTTP status in one place.
 */
public abstract class DomainRuleException extends RuntimeException {

    protected DomainRuleException(String message) {
        super(message, null, false, false);
    }
}
