package io.retro.projections.team;

import io.retro.api.team.BalanceTargetAgreedEvent;
import io.retro.api.team.BalanceTargetView;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamMemberView;
import io.retro.api.team.TeamSummaryView;
import io.retro.api.team.TeamView;
import io.retro.projections.shared.Changes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The stored shape of a team: {@code members} maps user id to role, {@code bands} maps the
 * agreeing event's sequence number to the band. Shares are decimal strings, kept exact.
 */
final class TeamDocument {

    static final String COLLECTION = "teams";

    private TeamDocument() {}

    static String memberPath(String userId) {
        return "members." + userId;
    }

    static Bson setMember(String userId, MemberRole role) {
        return Changes.set(memberPath(userId), role.name());
    }

    static Bson setBand(long sequenceNumber, BalanceTargetAgreedEvent event, Instant agreedAt) {
        return Changes.set("bands." + sequenceNumber, new Document()
                .append("maintenanceMin", event.maintenanceMin().toPlainString())
                .append("maintenanceMax", event.maintenanceMax().toPlainString())
                .append("rationale", event.rationale())
                .append("effectiveFrom", event.effectiveFrom().toString())
                .append("agreedBy", event.agreedBy())
                .append("agreedAt", agreedAt.toString()));
    }

    static TeamView toView(Document document) {
        List<TeamMemberView> members = new ArrayList<>();
        Document memberMap = document.get("members", new Document());
        for (Map.Entry<String, Object> member : memberMap.entrySet()) {
            members.add(new TeamMemberView(member.getKey(), MemberRole.valueOf((String) member.getValue())));
        }
        members.sort(Comparator.comparing(TeamMemberView::role).thenComparing(TeamMemberView::userId));

        List<BalanceTargetView> bands = new ArrayList<>();
        Document bandMap = document.get("bands", new Document());
        for (Object value : bandMap.values()) {
            Document band = (Document) value;
            bands.add(new BalanceTargetView(
                    new BigDecimal(band.getString("maintenanceMin")),
                    new BigDecimal(band.getString("maintenanceMax")),
                    band.getString("rationale"),
                    LocalDate.parse(band.getString("effectiveFrom")),
                    band.getString("agreedBy"),
                    Instant.parse(band.getString("agreedAt"))));
        }
        bands.sort(Comparator.comparing(BalanceTargetView::effectiveFrom).thenComparing(BalanceTargetView::agreedAt));
        return new TeamView(document.getString("_id"), document.getString("name"), members, bands);
    }

    static TeamSummaryView toSummary(Document document, String memberId) {
        String role = memberId == null ? null : document.get("members", new Document()).getString(memberId);
        return new TeamSummaryView(document.getString("_id"), document.getString("name"), role == null ? null : MemberRole.valueOf(role));
    }
}
