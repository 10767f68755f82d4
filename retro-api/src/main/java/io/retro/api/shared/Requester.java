package io.retro.api.shared;

/**
 * Who asks for a command: the user's id and whether they hold the administrator account, which may
 * act on every team without being a member of it.
 */
public record Requester(String userId, boolean admin) {

    public static Requester member(String userId) {
        return new Requester(userId, false);
    }
}
