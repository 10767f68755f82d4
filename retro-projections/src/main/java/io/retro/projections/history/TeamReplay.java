package io.retro.projections.history;

import io.retro.api.history.TeamStateView;
import io.retro.api.history.TeamStateView.ActionItemState;
import io.retro.api.history.TeamStateView.ItemState;
import io.retro.api.history.TeamStateView.ProductUpdateState;
import io.retro.api.history.TeamStateView.RetroState;
import io.retro.api.history.TeamStateView.TechDebtState;
import io.retro.api.productupdate.ProductUpdateAcknowledgedEvent;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAskedEvent;
import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.RetroItemAddedEvent;
import io.retro.api.retro.RetroItemDeletedEvent;
import io.retro.api.retro.RetroItemEditedEvent;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroPhaseChangedEvent;
import io.retro.api.retro.RetroStartedEvent;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.RetroVoteCastEvent;
import io.retro.api.retro.RetroVoteWithdrawnEvent;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixRecordedEvent;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.BalanceTargetAgreedEvent;
import io.retro.api.team.BalanceTargetView;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamCreatedEvent;
import io.retro.api.team.TeamMemberAddedEvent;
import io.retro.api.team.TeamMemberRoleChangedEvent;
import io.retro.api.team.TeamView;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.TechDebtStatusChangedEvent;
import io.retro.api.techdebt.TechDebtVoteWithdrawnEvent;
import io.retro.api.techdebt.TechDebtVotedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team's history folded from its events, oldest first: the team, its retros, tech debt and
 * product updates as they stood after the last event applied. Knows nothing of the read models, so
 * it stays right when they change. Events it does not know are passed over.
 */
public final class TeamReplay {

    private final String teamId;
    private String name;
    private final Map<String, MemberRole> members = new LinkedHashMap<>();
    private final List<BalanceTargetView> bands = new ArrayList<>();
    private final Map<String, Retro> retros = new LinkedHashMap<>();
    private final Map<String, Debt> debt = new LinkedHashMap<>();
    private final Map<String, Update> updates = new LinkedHashMap<>();

    private TeamReplay(String teamId) {
        this.teamId = teamId;
    }

    /** Folds the events in the order given, which must keep each aggregate's own order. */
    public static TeamReplay of(String teamId, List<HistoricEvent> events) {
        TeamReplay replay = new TeamReplay(teamId);
        events.forEach(replay::apply);
        return replay;
    }

    private void apply(HistoricEvent event) {
        Instant at = event.at();
        Object payload = event.payload();
        if (payload instanceof TeamCreatedEvent e) {
            name = e.name();
        } else if (payload instanceof TeamMemberAddedEvent e) {
            members.put(e.userId(), e.role());
        } else if (payload instanceof TeamMemberRoleChangedEvent e) {
            members.put(e.userId(), e.role());
        } else if (payload instanceof BalanceTargetAgreedEvent e) {
            bands.add(new BalanceTargetView(e.maintenanceMin(), e.maintenanceMax(), e.rationale(), e.effectiveFrom(),
                    e.agreedBy(), at));
        } else if (payload instanceof RetroStartedEvent e) {
            retros.put(e.retroId(), new Retro(e.retroId(), e.sprint(), e.sprintStart(), e.sprintEnd(), e.template()));
        } else if (payload instanceof RetroPhaseChangedEvent e) {
            retro(e.retroId()).phase = e.phase();
        } else if (payload instanceof RetroItemAddedEvent e) {
            retro(e.retroId()).items.put(e.itemId(), new Item(e.itemId(), e.column(), e.text(), e.category()));
        } else if (payload instanceof RetroItemEditedEvent e) {
            Item item = retro(e.retroId()).items.get(e.itemId());
            if (item != null) {
                item.text = e.text() == null ? item.text : e.text();
                item.category = e.category() == null ? item.category : e.category();
            }
        } else if (payload instanceof RetroItemDeletedEvent e) {
            retro(e.retroId()).items.remove(e.itemId());
        } else if (payload instanceof RetroVoteCastEvent e) {
            item(e.retroId(), e.itemId()).votes++;
        } else if (payload instanceof RetroVoteWithdrawnEvent e) {
            item(e.retroId(), e.itemId()).votes--;
        } else if (payload instanceof WorkMixRecordedEvent e) {
            retro(e.retroId()).workMix = e.workMix();
        } else if (payload instanceof ActionItemAddedEvent e) {
            retro(e.retroId()).actions.put(e.actionItemId(),
                    new Action(e.actionItemId(), e.text(), e.ownerId(), e.dueDate(), day(at)));
        } else if (payload instanceof ActionItemStatusChangedEvent e) {
            Action action = retro(e.retroId()).actions.get(e.actionItemId());
            if (action != null) {
                action.status = e.status();
                action.done = e.status() == ActionItemStatus.DONE ? day(at) : null;
            }
        } else if (payload instanceof TechDebtProposedEvent e) {
            debt.put(e.itemId(), new Debt(e.itemId(), e.title(), e.area(), at));
        } else if (payload instanceof TechDebtVotedEvent e) {
            debt(e.itemId()).voters.put(e.voterId(), new Vote(e.voterRole(), day(at)));
        } else if (payload instanceof TechDebtVoteWithdrawnEvent e) {
            debt(e.itemId()).voters.remove(e.voterId());
        } else if (payload instanceof TechDebtStatusChangedEvent e) {
            Debt item = debt(e.itemId());
            item.status = e.to();
            item.closed = e.to().open() ? null : day(at);
        } else if (payload instanceof ProductUpdatePostedEvent e) {
            updates.put(e.updateId(), new Update(e.updateId(), e.title(), at));
        } else if (payload instanceof ProductUpdateAcknowledgedEvent e) {
            update(e.updateId()).acknowledgedBy.add(e.memberId());
        } else if (payload instanceof ProductUpdateQuestionAskedEvent e) {
            update(e.updateId()).questions++;
        }
    }

    /** The state as it was at the instant the events were cut off. */
    public TeamStateView state(Instant asOf) {
        BalanceTargetView band = bandOn(LocalDate.ofInstant(asOf, ZoneOffset.UTC));
        return new TeamStateView(teamId, name, asOf, band,
                retros.values().stream().map(Retro::view).toList(),
                debt.values().stream().map(Debt::view).toList(),
                updates.values().stream().map(Update::view).toList());
    }

    public String teamId() {
        return teamId;
    }

    public String name() {
        return name;
    }

    /** The band in force on this day, by the team's own rule. */
    BalanceTargetView bandOn(LocalDate day) {
        return new TeamView(teamId, name, List.of(), bands).balanceTargetOn(day).orElse(null);
    }

    List<BalanceTargetView> bands() {
        return bands;
    }

    List<Retro> retros() {
        return List.copyOf(retros.values());
    }

    List<Debt> debt() {
        return List.copyOf(debt.values());
    }

    List<Update> updates() {
        return List.copyOf(updates.values());
    }

    int members() {
        return members.size();
    }

    private Retro retro(String retroId) {
        return retros.computeIfAbsent(retroId, id -> new Retro(id, null, null, null, null));
    }

    private Item item(String retroId, String itemId) {
        return retro(retroId).items.computeIfAbsent(itemId, id -> new Item(id, null, null, null));
    }

    private Debt debt(String itemId) {
        return debt.computeIfAbsent(itemId, id -> new Debt(id, null, null, null));
    }

    private Update update(String updateId) {
        return updates.computeIfAbsent(updateId, id -> new Update(id, null, null));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static final class Retro {
        final String id;
        final String sprint;
        final LocalDate start;
        final LocalDate end;
        final RetroTemplate template;
        RetroPhase phase = RetroPhase.REFLECT;
        WorkMix workMix;
        final Map<String, Item> items = new LinkedHashMap<>();
        final Map<String, Action> actions = new LinkedHashMap<>();

        Retro(String id, String sprint, LocalDate start, LocalDate end, RetroTemplate template) {
            this.id = id;
            this.sprint = sprint;
            this.start = start;
            this.end = end;
            this.template = template;
        }

        /** Votes are secret until the retro leaves VOTE, in history as on the board. */
        Integer votesOf(Item item) {
            return phase.ordinal() > RetroPhase.VOTE.ordinal() ? item.votes : null;
        }

        RetroState view() {
            return new RetroState(id, sprint, start, end, template, phase,
                    items.values().stream().map(i -> new ItemState(i.id, i.column, i.text, i.category, votesOf(i))).toList(),
                    actions.values().stream().map(a -> new ActionItemState(a.id, a.text, a.owner, a.due, a.status)).toList(),
                    workMix);
        }
    }

    static final class Item {
        final String id;
        final String column;
        String text;
        WorkCategory category;
        int votes;

        Item(String id, String column, String text, WorkCategory category) {
            this.id = id;
            this.column = column;
            this.text = text;
            this.category = category;
        }
    }

    static final class Action {
        final String id;
        final String text;
        final String owner;
        final LocalDate due;
        final LocalDate created;
        ActionItemStatus status = ActionItemStatus.OPEN;
        LocalDate done;

        Action(String id, String text, String owner, LocalDate due, LocalDate created) {
            this.id = id;
            this.text = text;
            this.owner = owner;
            this.due = due;
            this.created = created;
        }
    }

    record Vote(MemberRole role, LocalDate day) {}

    static final class Debt {
        final String id;
        final String title;
        final String area;
        final Instant proposedAt;
        TechDebtStatus status = TechDebtStatus.PROPOSED;
        LocalDate closed;
        final Map<String, Vote> voters = new LinkedHashMap<>();

        Debt(String id, String title, String area, Instant proposedAt) {
            this.id = id;
            this.title = title;
            this.area = area;
            this.proposedAt = proposedAt;
        }

        TechDebtState view() {
            int pm = (int) voters.values().stream().filter(v -> v.role() == MemberRole.PRODUCT_MANAGER).count();
            int engineers = (int) voters.values().stream().filter(v -> v.role() == MemberRole.ENGINEER).count();
            return new TechDebtState(id, title, area, status, proposedAt, voters.size(), engineers, pm);
        }
    }

    static final class Update {
        final String id;
        final String title;
        final Instant postedAt;
        final Set<String> acknowledgedBy = new HashSet<>();
        int questions;

        Update(String id, String title, Instant postedAt) {
            this.id = id;
            this.title = title;
            this.postedAt = postedAt;
        }

        ProductUpdateState view() {
            return new ProductUpdateState(id, title, postedAt, acknowledgedBy.size(), questions);
        }
    }
}
