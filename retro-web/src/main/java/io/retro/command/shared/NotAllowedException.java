package io.retro.command.shared;

/** The requester may not give this command: not a member, or not in a role that may. */
public class NotAllowedException extends DomainRuleException {

    public NotAllowedException(String message) {
        super(message);
    }
}
