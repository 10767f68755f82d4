package io.retro.command.retro;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.AddActionItemCommand;
import io.retro.api.retro.AddRetroItemCommand;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarriedActionItemReviewedEvent;
import io.retro.api.retro.CastRetroVoteCommand;
import io.retro.api.retro.ChangeActionItemStatusCommand;
import io.retro.api.retro.ChangeRetroPhaseCommand;
import io.retro.api.retro.DeleteRetroItemCommand;
import io.retro.api.retro.EditRetroItemCommand;
import io.retro.api.retro.GroupRetroItemsCommand;
import io.retro.api.retro.RecordWorkMixCommand;
import io.retro.api.retro.RetroItemAddedEvent;
import io.retro.api.retro.RetroItemDeletedEvent;
import io.retro.api.retro.RetroItemEditedEvent;
import io.retro.api.retro.RetroItemsGroupedEvent;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroPhaseChangedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.RetroVoteCastEvent;
import io.retro.api.retro.RetroVoteWithdrawnEvent;
import io.retro.api.retro.ReviewCarriedActionItemCommand;
import io.retro.api.retro.StartRetroCommand;
import io.retro.api.retro.WithdrawRetroVoteCommand;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixRecordedEvent;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.NotAllowedException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A sprint retro: its phase, its items and their authors, every member's dots, its action items
 * and the sprint's work mix.
 *
 * <p>Team roles: whether the requester is a member or a facilitator is the Team aggregate's
 * knowledge, and members join and change roles while a retro runs. So this aggregate keeps no copy
 * of the members; every command carries {@code requesterRole}, resolved by the web layer from the
 * team read model just before sending, once it has handled every stored event of the team
 * (read-after-write), so a role granted a moment ago counts.
 *
 * <p>An unknown item or action item id inside a known retro answers like an unknown retro
 * ({@link AggregateNotFoundException}, a 404): it names nothing the caller can act on.
 */
@Aggregate(cache = "retroCache")
public class Retro {

    private static final int MAX_VOTES_PER_MEMBER = 100;
    private static final Set<RetroPhase> ITEMS_CHANGEABLE = EnumSet.of(RetroPhase.REFLECT, RetroPhase.GROUP);

    @AggregateIdentifier
    private String retroId;

    private String teamId;
    private RetroTemplate template;
    private RetroPhase phase;
    private int votesPerMember;
    private final Map<String, Authorship> items = new HashMap<>();
    private final Map<String, Map<String, Integer>> votesByVoter = new HashMap<>();
    private final Set<String> actionItems = new HashSet<>();
    private final Map<String, CarriedActionItem> carriedActionItems = new HashMap<>();

    /** Who wrote an item: the author's id in the clear, or for an anonymous item only its seal. */
    private record Authorship(String authorId, String seal) {}

    protected Retro() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Retro(StartRetroCommand command) {
        requireFacilitator(command.requester(), command.requesterRole(), "start a retro");
        requireText("sprint", command.sprint());
        if (command.template() == null) {
            throw new InvalidValueException("template", "Choose a template.");
        }
        if (command.sprintStart() == null || command.sprintEnd() == null) {
            throw new InvalidValueException(command.sprintStart() == null ? "sprintStart" : "sprintEnd",
                    "Give the sprint's first and last day.");
        }
        if (command.sprintEnd().isBefore(command.sprintStart())) {
            throw new InvalidValueException("sprintEnd", "The sprint cannot end before it starts.");
        }
        if (command.votesPerMember() < 1 || command.votesPerMember() > MAX_VOTES_PER_MEMBER) {
            throw new InvalidValueException("votesPerMember", "Give each member 1 to " + MAX_VOTES_PER_MEMBER + " votes.");
        }
        apply(new RetroStartedEvent(command.retroId(), command.teamId(), command.sprint(), command.sprintStart(),
                command.sprintEnd(), command.template(), command.votesPerMember(),
                command.carriedActionItems() == null ? List.of() : List.copyOf(command.carriedActionItems()),
                command.requester().userId()));
    }

    /** Anonymous items keep their author only as a seal: see {@link AuthorSeals} for why and how. */
    @CommandHandler
    public void handle(AddRetroItemCommand command, AuthorSeals seals) {
        requireMember(command.requester(), command.requesterRole(), "add items");
        requirePhase(EnumSet.of(RetroPhase.REFLECT), "Items are added while the retro is in REFLECT");
        if (command.column() == null || !template.hasColumn(command.column())) {
            throw new InvalidValueException("column", "Choose one of this retro's columns: "
                    + template.columns().stream().map(c -> c.id()).toList() + ".");
        }
        requireText("text", command.text());
        requireCategory(command.category());
        String author = command.requester().userId();
        apply(command.anonymous()
                ? new RetroItemAddedEvent(retroId, command.itemId(), command.column(), command.text(), command.category(),
                        null, seals.seal(retroId, command.itemId(), author))
                : new RetroItemAddedEvent(retroId, command.itemId(), command.column(), command.text(), command.category(),
                        author, null));
    }

    @CommandHandler
    public void handle(EditRetroItemCommand command, AuthorSeals seals) {
        requireAuthorOrFacilitator(command.itemId(), command.requester(), command.requesterRole(), seals, "edit");
        requirePhase(ITEMS_CHANGEABLE, "Items can be edited in REFLECT and GROUP");
        requireText("text", command.text());
        requireCategory(command.category());
        apply(new RetroItemEditedEvent(retroId, command.itemId(), command.text(), command.category()));
    }

    @CommandHandler
    public void handle(DeleteRetroItemCommand command, AuthorSeals seals) {
        requireAuthorOrFacilitator(command.itemId(), command.requester(), command.requesterRole(), seals, "delete");
        requirePhase(ITEMS_CHANGEABLE, "Items can be deleted in REFLECT and GROUP");
        apply(new RetroItemDeletedEvent(retroId, command.itemId()));
    }

    @CommandHandler
    public void handle(GroupRetroItemsCommand command) {
        requireMember(command.requester(), command.requesterRole(), "group items");
        requirePhase(EnumSet.of(RetroPhase.GROUP), "Items are grouped while the retro is in GROUP");
        requireText("title", command.title());
        if (command.itemIds() == null || command.itemIds().isEmpty()) {
            throw new InvalidValueException("itemIds", "Choose at least one item to group.");
        }
        Set<String> itemIds = new LinkedHashSet<>(command.itemIds());
        for (String itemId : itemIds) {
            if (!items.containsKey(itemId)) {
                throw new InvalidValueException("itemIds", "There is no item " + itemId + " on this board.");
            }
        }
        apply(new RetroItemsGroupedEvent(retroId, command.groupId(), command.title(), List.copyOf(itemIds),
                command.requester().userId()));
    }

    @CommandHandler
    public void handle(CastRetroVoteCommand command) {
        requireMember(command.requester(), command.requesterRole(), "vote");
        requireItem(command.itemId());
        requirePhase(EnumSet.of(RetroPhase.VOTE), "Votes are cast while the retro is in VOTE");
        String voter = command.requester().userId();
        if (votesUsedBy(voter) >= votesPerMember) {
            throw new ConflictException("You have used all " + votesPerMember + " of your votes; take one back to vote again.");
        }
        apply(new RetroVoteCastEvent(retroId, command.itemId(), voter));
    }

    @CommandHandler
    public void handle(WithdrawRetroVoteCommand command) {
        requireMember(command.requester(), command.requesterRole(), "vote");
        requireItem(command.itemId());
        requirePhase(EnumSet.of(RetroPhase.VOTE), "Votes are taken back while the retro is in VOTE");
        String voter = command.requester().userId();
        if (votesByVoter.getOrDefault(voter, Map.of()).getOrDefault(command.itemId(), 0) == 0) {
            throw new ConflictException("You have no vote on this item to take back.");
        }
        apply(new RetroVoteWithdrawnEvent(retroId, command.itemId(), voter));
    }

    @CommandHandler
    public void handle(ChangeRetroPhaseCommand command) {
        requireFacilitator(command.requester(), command.requesterRole(), "move the retro to another phase");
        if (command.phase() == null) {
            throw new InvalidValueException("phase", "Give the phase to move to.");
        }
        if (phase.next() != command.phase()) {
            throw new ConflictException(phase == RetroPhase.CLOSED
                    ? "The retro is closed; it has no next phase."
                    : "The retro is in " + phase + "; it can only move on to " + phase.next() + ".");
        }
        apply(new RetroPhaseChangedEvent(retroId, teamId, command.phase(), command.requester().userId()));
    }

    @CommandHandler
    public void handle(AddActionItemCommand command) {
        requireMember(command.requester(), command.requesterRole(), "add action items");
        requirePhase(EnumSet.of(RetroPhase.DISCUSS), "Action items are added while the retro is in DISCUSS");
        requireText("text", command.text());
        if (command.ownerId() == null || command.ownerId().isBlank()) {
            throw new InvalidValueException("ownerId", "Give the action item an owner.");
        }
        apply(new ActionItemAddedEvent(retroId, teamId, command.actionItemId(), command.text(), command.ownerId(),
                command.dueDate(), command.requester().userId()));
    }

    /** Follow-through happens after the retro, so the status may change in any phase, CLOSED too. */
    @CommandHandler
    public void handle(ChangeActionItemStatusCommand command) {
        requireMember(command.requester(), command.requesterRole(), "change action items");
        if (!actionItems.contains(command.actionItemId())) {
            throw new AggregateNotFoundException(command.actionItemId(), "There is no action item " + command.actionItemId() + " in this retro.");
        }
        if (command.status() == null) {
            throw new InvalidValueException("status", "Give the status: OPEN or DONE.");
        }
        apply(new ActionItemStatusChangedEvent(retroId, teamId, command.actionItemId(), command.status(),
                command.requester().userId()));
    }

    @CommandHandler
    public void handle(ReviewCarriedActionItemCommand command) {
        requireMember(command.requester(), command.requesterRole(), "review action items");
        CarriedActionItem carried = carriedActionItems.get(command.actionItemId());
        if (carried == null) {
            throw new AggregateNotFoundException(command.actionItemId(),
                    "Action item " + command.actionItemId() + " was not carried into this retro.");
        }
        if (phase == RetroPhase.CLOSED) {
            throw new ConflictException("The retro is closed; review carried action items in the next one.");
        }
        if (command.decision() == null) {
            throw new InvalidValueException("decision", "Give the decision: DONE, KEEP or DROP.");
        }
        apply(new CarriedActionItemReviewedEvent(retroId, teamId, carried.sourceRetroId(), carried.actionItemId(),
                command.decision(), command.requester().userId()));
    }

    /** The work mix is often known only after the retro, so it may be recorded in any phase. */
    @CommandHandler
    public void handle(RecordWorkMixCommand command) {
        requireFacilitator(command.requester(), command.requesterRole(), "record the work mix");
        WorkMix mix = command.workMix();
        if (mix == null || mix.unit() == null) {
            throw new InvalidValueException("unit", "Choose the unit: " + List.of(WorkMixUnit.values()) + ".");
        }
        requireAmount("feature", mix.feature());
        requireAmount("maintenance", mix.maintenance());
        requireAmount("techDebt", mix.techDebt());
        requireAmount("bug", mix.bug());
        requireAmount("process", mix.process());
        apply(new WorkMixRecordedEvent(retroId, teamId, mix, command.requester().userId()));
    }

    @EventSourcingHandler
    void on(RetroStartedEvent event) {
        retroId = event.retroId();
        teamId = event.teamId();
        template = event.template();
        votesPerMember = event.votesPerMember();
        phase = RetroPhase.REFLECT;
        event.carriedActionItems().forEach(item -> carriedActionItems.put(item.actionItemId(), item));
    }

    @EventSourcingHandler
    void on(RetroItemAddedEvent event) {
        items.put(event.itemId(), new Authorship(event.authorId(), event.authorSeal()));
    }

    @EventSourcingHandler
    void on(RetroItemDeletedEvent event) {
        items.remove(event.itemId());
    }

    @EventSourcingHandler
    void on(RetroVoteCastEvent event) {
        votesByVoter.computeIfAbsent(event.voterId(), voter -> new HashMap<>()).merge(event.itemId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(RetroVoteWithdrawnEvent event) {
        votesByVoter.computeIfAbsent(event.voterId(), voter -> new HashMap<>()).merge(event.itemId(), -1, Integer::sum);
    }

    @EventSourcingHandler
    void on(RetroPhaseChangedEvent event) {
        phase = event.phase();
    }

    @EventSourcingHandler
    void on(ActionItemAddedEvent event) {
        actionItems.add(event.actionItemId());
    }

    private int votesUsedBy(String voter) {
        return votesByVoter.getOrDefault(voter, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private Authorship requireItem(String itemId) {
        Authorship item = items.get(itemId);
        if (item == null) {
            throw new AggregateNotFoundException(itemId, "There is no item " + itemId + " on this board.");
        }
        return item;
    }

    private void requireAuthorOrFacilitator(String itemId, Requester requester, MemberRole role, AuthorSeals seals, String action) {
        requireMember(requester, role, action + " items");
        Authorship item = requireItem(itemId);
        if (requester.admin() || role == MemberRole.FACILITATOR) {
            return;
        }
        boolean author = item.authorId() != null
                ? item.authorId().equals(requester.userId())
                : seals.matches(item.seal(), retroId, itemId, requester.userId());
        if (!author) {
            throw new NotAllowedException("Only the item's author or a facilitator may " + action + " it.");
        }
    }

    private void requirePhase(Set<RetroPhase> allowed, String rule) {
        if (!allowed.contains(phase)) {
            throw new ConflictException(rule + "; it is in " + phase + " now.");
        }
    }

    private static void requireMember(Requester requester, MemberRole role, String action) {
        if (!requester.admin() && role == null) {
            throw new NotAllowedException("Only members of this team may " + action + ".");
        }
    }

    private static void requireFacilitator(Requester requester, MemberRole role, String action) {
        requireMember(requester, role, action);
        if (!requester.admin() && role != MemberRole.FACILITATOR) {
            throw new NotAllowedException("Only a facilitator may " + action + "; your role is " + role + ".");
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "Give a " + field + ".");
        }
    }

    private static void requireCategory(Object category) {
        if (category == null) {
            throw new InvalidValueException("category", "Choose a category.");
        }
    }

    private static void requireAmount(String field, BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new InvalidValueException(field, field + " must be a number of 0 or more.");
        }
    }
}
