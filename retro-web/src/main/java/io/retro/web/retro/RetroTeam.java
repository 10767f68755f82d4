package io.retro.web.retro;

import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamView;

/** A retro's team as a command needs it: the team and the requester's role in it (null for a non-member admin). */
record RetroTeam(TeamView team, MemberRole role) {}
