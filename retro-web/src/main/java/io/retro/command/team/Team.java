package io.retro.command.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.retro.api.shared.Requester;
import io.retro.api.team.AddTeamMemberCommand;
import io.retro.api.team.AgreeBalanceTargetCommand;
import io.retro.api.team.BalanceTargetAgreedEvent;
import io.retro.api.team.CreateTeamCommand;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamCreatedEvent;
import io.retro.api.team.TeamMemberAddedEvent;
import io.retro.api.team.TeamMemberRoleChangedEvent;
import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.NotAllowedException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A team: who belongs to it in which role, and the maintenance band it agrees over time. */
@Aggregate(cache = "teamCache")
public class Team {

    private static final Set<MemberRole> MAY_AGREE_BALANCE =
            EnumSet.of(MemberRole.FACILITATOR, MemberRole.PRODUCT_MANAGER);

    @AggregateIdentifier
    private String teamId;

    private final Map<String, MemberRole> members = new HashMap<>();

    protected Team() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Team(CreateTeamCommand command) {
        String creator = command.requester().userId();
        apply(new TeamCreatedEvent(command.teamId(), command.name(), creator));
        apply(new TeamMemberAddedEvent(command.teamId(), creator, MemberRole.FACILITATOR, creator));
    }

    @CommandHandler
    public void handle(AddTeamMemberCommand command) {
        requireRole(command.requester(), EnumSet.of(MemberRole.FACILITATOR), "add members");
        MemberRole current = members.get(command.userId());
        if (current == command.role()) {
            return;
        }
        String by = command.requester().userId();
        if (current == null) {
            apply(new TeamMemberAddedEvent(teamId, command.userId(), command.role(), by));
            return;
        }
        if (current == MemberRole.FACILITATOR && facilitatorCount() == 1) {
            throw new ConflictException("A team needs at least one facilitator: add another facilitator first.");
        }
        apply(new TeamMemberRoleChangedEvent(teamId, command.userId(), command.role(), by));
    }

    @CommandHandler
    public void handle(AgreeBalanceTargetCommand command) {
        requireRole(command.requester(), MAY_AGREE_BALANCE, "agree the balance target");
        requireShare("maintenanceMin", command.maintenanceMin());
        requireShare("maintenanceMax", command.maintenanceMax());
        if (command.maintenanceMin().compareTo(command.maintenanceMax()) > 0) {
            throw new InvalidValueException("maintenanceMin", "maintenanceMin must not be greater than maintenanceMax.");
        }
        apply(new BalanceTargetAgreedEvent(
                teamId,
                command.maintenanceMin(),
                command.maintenanceMax(),
                command.rationale(),
                command.effectiveFrom(),
                command.requester().userId()));
    }

    @EventSourcingHandler
    void on(TeamCreatedEvent event) {
        teamId = event.teamId();
    }

    @EventSourcingHandler
    void on(TeamMemberAddedEvent event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(TeamMemberRoleChangedEvent event) {
        members.put(event.userId(), event.role());
    }

    private void requireRole(Requester requester, Set<MemberRole> allowed, String action) {
        if (requester.admin()) {
            return;
        }
        MemberRole role = members.get(requester.userId());
        if (role == null) {
            throw new NotAllowedException("Only members of this team may " + action + ".");
        }
        if (!allowed.contains(role)) {
            throw new NotAllowedException("Your role " + role + " may not " + action + "; that takes one of " + allowed + ".");
        }
    }

    private static void requireShare(String field, BigDecimal share) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException(field, field + " must be a share between 0 and 1.");
        }
    }

    private long facilitatorCount() {
        return members.values().stream().filter(MemberRole.FACILITATOR::equals).count();
    }
}
