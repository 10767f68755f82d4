package io.retro.api.team;

/**
 * Asks for the teams a user belongs to, or for every team when {@code memberId} is null; answered
 * with a list of {@link TeamSummaryView}.
 */
public record FindTeamsQuery(String memberId) {

    public static FindTeamsQuery all() {
        return new FindTeamsQuery(null);
    }

    public static FindTeamsQuery ofMember(String userId) {
        return new FindTeamsQuery(userId);
    }
}
