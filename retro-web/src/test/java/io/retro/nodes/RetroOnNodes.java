package io.retro.nodes;

import io.retro.support.ServiceApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A team with members and one retro in REFLECT, made over REST, as each member can reach it on any node. */
record RetroOnNodes(String teamId, String retroId, List<Credentials> members) {

    static final String ADMIN_PASSWORD = "admin-secret-1";
    private static final String PASSWORD = "password-1";

    record Credentials(String username, String password) {

        ServiceApi on(int port) {
            return new ServiceApi(port, username, password);
        }
    }

    static RetroOnNodes create(int port, int memberCount) {
        ServiceApi admin = new ServiceApi(port, "admin", ADMIN_PASSWORD);
        Credentials lead = new Credentials(admin.newUser("lead", PASSWORD), PASSWORD);
        ServiceApi facilitator = lead.on(port);
        String teamId = facilitator.id(facilitator.post("/api/v1/teams", Map.of("name", "Nodes"), 201));
        List<Credentials> members = new ArrayList<>(List.of(lead));
        for (int i = 1; i < memberCount; i++) {
            Credentials member = new Credentials(admin.newUser("member" + i, PASSWORD), PASSWORD);
            facilitator.post("/api/v1/teams/" + teamId + "/members", Map.of("username", member.username(), "role", "ENGINEER"), 204);
            members.add(member);
        }
        String retroId = facilitator.id(facilitator.post("/api/v1/teams/" + teamId + "/retros", Map.of("sprint", "Sprint 1",
                "sprintStart", "2026-11-02", "sprintEnd", "2026-11-13", "template", "START_STOP_CONTINUE", "votesPerMember", 3), 201));
        return new RetroOnNodes(teamId, retroId, members);
    }

    /** Every item id on the board as the node at this port answers it, duplicates included. */
    List<String> itemIds(int port) {
        List<String> ids = new ArrayList<>();
        members.get(0).on(port).get("/api/v1/retros/" + retroId).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
