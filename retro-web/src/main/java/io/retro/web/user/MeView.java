package io.retro.web.user;

import io.retro.api.team.MemberRole;
import java.util.List;

record MeView(String id, String username, String displayName, boolean admin, List<Membership> teams) {

    record Membership(String teamId, String name, MemberRole role) {}
}
