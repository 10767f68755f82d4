package io.retro.web.retro;

import io.retro.api.retro.RetroBoardView;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamView;

/** A board as the requester may see it, with the team and the requester's role in it (null for a non-member admin). */
record RetroContext(RetroBoardView board, TeamView team, MemberRole role) {

    boolean facilitates(boolean admin) {
        return admin || role == MemberRole.FACILITATOR;
    }
}
