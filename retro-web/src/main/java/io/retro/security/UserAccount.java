package io.retro.security;

/**
 * A person who can sign in. Accounts hold the personal data (username, display name) that events
 * never carry, so that it can be erased without touching the history.
 */
public record UserAccount(String id, String username, String displayName, String passwordHash, boolean admin) {}
