package io.retro.command.techdebt;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.retro.api.team.MemberRole;
import io.retro.api.techdebt.ChangeTechDebtStatusCommand;
import io.retro.api.techdebt.ProposeTechDebtCommand;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.TechDebtStatusChangedEvent;
import io.retro.api.techdebt.TechDebtVoteWithdrawnEvent;
import io.retro.api.techdebt.TechDebtVotedEvent;
import io.retro.api.techdebt.VoteTechDebtCommand;
import io.retro.api.techdebt.WithdrawTechDebtVoteCommand;
import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.TeamPermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One item of a team's tech-debt register: its status along {@link TechDebtStatus#next()} and who
 * voted for it in which role. Roles come with each command, see {@link TeamPermission}.
 */
@Aggregate(cache = "techDebtItemCache")
public class TechDebtItem {

    private static final Set<MemberRole> MAY_MOVE = EnumSet.of(MemberRole.FACILITATOR, MemberRole.PRODUCT_MANAGER);
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 4000;

    @AggregateIdentifier
    private String itemId;

    private String teamId;
    private TechDebtStatus status;
    private final Map<String, MemberRole> votes = new HashMap<>();

    protected TechDebtItem() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public TechDebtItem(ProposeTechDebtCommand command) {
        if (!command.requester().admin()) {
            TeamPermission.requireMember(command.requesterRole(), "propose tech debt");
        }
        requireText("title", command.title(), MAX_NAME);
        optionalText("description", command.description(), MAX_TEXT);
        optionalText("area", command.area(), MAX_NAME);
        optionalText("estimate", command.estimate(), MAX_NAME);
        if (command.impact() == null) {
            throw new InvalidValueException("impact", "Choose an impact: LOW, MEDIUM or HIGH.");
        }
        apply(new TechDebtProposedEvent(command.itemId(), command.teamId(), command.title(), command.description(),
                command.area(), command.estimate(), command.impact(), command.requester().userId()));
    }

    @CommandHandler
    public void handle(VoteTechDebtCommand command) {
        MemberRole role = TeamPermission.requireMember(command.requesterRole(), "vote on tech debt");
        requireOpen("vote on it");
        String voterId = command.requester().userId();
        if (votes.containsKey(voterId)) {
            throw new ConflictException("You already voted for this item: one vote per member.");
        }
        apply(new TechDebtVotedEvent(itemId, teamId, voterId, role));
    }

    @CommandHandler
    public void handle(WithdrawTechDebtVoteCommand command) {
        TeamPermission.requireMember(command.requesterRole(), "vote on tech debt");
        // Votes on a closed item are the record of how it was ranked when it was decided.
        requireOpen("take a vote back");
        String voterId = command.requester().userId();
        MemberRole votedAs = votes.get(voterId);
        if (votedAs == null) {
            return;
        }
        apply(new TechDebtVoteWithdrawnEvent(itemId, teamId, voterId, votedAs));
    }

    @CommandHandler
    public void handle(ChangeTechDebtStatusCommand command) {
        TeamPermission.requireRole(command.requester(), command.requesterRole(), MAY_MOVE, "change the status of tech debt");
        if (command.status() == null) {
            throw new InvalidValueException("status", "Choose a status.");
        }
        optionalText("note", command.note(), MAX_TEXT);
        if (!status.next().contains(command.status())) {
            throw new ConflictException("A " + status + " item cannot become " + command.status()
                    + (status.next().isEmpty() ? "; it is closed." : "; it may become one of " + status.next() + "."));
        }
        if (command.status() == TechDebtStatus.REJECTED && (command.note() == null || command.note().isBlank())) {
            throw new InvalidValueException("note", "Say why the item is rejected.");
        }
        apply(new TechDebtStatusChangedEvent(itemId, teamId, status, command.status(), command.note(),
                command.requester().userId()));
    }

    @EventSourcingHandler
    void on(TechDebtProposedEvent event) {
        itemId = event.itemId();
        teamId = event.teamId();
        status = TechDebtStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(TechDebtVotedEvent event) {
        votes.put(event.voterId(), event.voterRole());
    }

    @EventSourcingHandler
    void on(TechDebtVoteWithdrawnEvent event) {
        votes.remove(event.voterId());
    }

    @EventSourcingHandler
    void on(TechDebtStatusChangedEvent event) {
        status = event.to();
    }

    private void requireOpen(String action) {
        if (!status.open()) {
            throw new ConflictException("This item is " + status + ": nobody may " + action + " any more.");
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidValueException(field, field + " must have 1 to " + max + " characters.");
        }
    }

    private static void optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidValueException(field, field + " must have at most " + max + " characters.");
        }
    }
}
