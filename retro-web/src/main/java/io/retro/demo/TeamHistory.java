package io.retro.demo;

import static io.retro.demo.DemoTexts.pick;

import io.retro.api.productupdate.AcknowledgeProductUpdateCommand;
import io.retro.api.productupdate.AnswerProductUpdateQuestionCommand;
import io.retro.api.productupdate.AskProductUpdateQuestionCommand;
import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.PostProductUpdateCommand;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.AddActionItemCommand;
import io.retro.api.retro.AddRetroItemCommand;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.CastRetroVoteCommand;
import io.retro.api.retro.ChangeActionItemStatusCommand;
import io.retro.api.retro.ChangeRetroPhaseCommand;
import io.retro.api.retro.GroupRetroItemsCommand;
import io.retro.api.retro.RecordWorkMixCommand;
import io.retro.api.retro.RetroColumn;
import io.retro.api.retro.Sentiment;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.RetroTemplate;
import io.retro.api.retro.ReviewCarriedActionItemCommand;
import io.retro.api.retro.StartRetroCommand;
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.Requester;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.AddTeamMemberCommand;
import io.retro.api.team.AgreeBalanceTargetCommand;
import io.retro.api.team.CreateTeamCommand;
import io.retro.api.team.MemberRole;
import io.retro.api.techdebt.ChangeTechDebtStatusCommand;
import io.retro.api.techdebt.ProposeTechDebtCommand;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.VoteTechDebtCommand;
import io.retro.demo.TeamStory.Fate;
import io.retro.demo.TeamStory.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Two years of one team, told through the same commands people send: sprint by sprint, the tech
 * debt proposed and voted during the sprint, the PM's updates, then the retro on the sprint's last
 * day from start to close, with the work mix recorded.
 *
 * <p>Commands are built here, not through the web layer's {@code RetroCommands} and {@code
 * TeamCommands}: those look up the requester's role in the team read model and the open action
 * items in the retro read model, which makes every command wait for the read models to catch up.
 * This history made every member and every action item itself, so it knows roles and open items
 * first-hand and sends thousands of commands without waiting; the aggregates still judge each one.
 */
final class TeamHistory {

    private static final int VOTES_PER_MEMBER = 3;
    /** Sprints whose events are stored together; see {@link Agenda#sitting}. */
    private static final int SPRINTS_PER_SITTING = 4;

    /** Someone on the team, with the role the team gave them. */
    record Member(String userId, MemberRole role) {

        Requester requester() {
            return Requester.member(userId);
        }
    }

    private static final class OpenAction {
        final CarriedActionItem item;
        final Fate fate;
        final Member owner;
        int carried;

        OpenAction(CarriedActionItem item, Fate fate, Member owner) {
            this.item = item;
            this.fate = fate;
            this.owner = owner;
        }
    }

    private static final class DebtItem {
        final String id;
        TechDebtStatus status = TechDebtStatus.PROPOSED;
        final Set<String> voters = new HashSet<>();

        DebtItem(String id) {
            this.id = id;
        }
    }

    private final TeamStory story;
    private final String teamId = UUID.randomUUID().toString();
    private final String teamName;
    private final Agenda agenda;
    private final Random random;
    private final List<LocalDate> sprintEnds;
    private final Member productManager;
    private final Member facilitator;
    private final List<Member> engineers;
    private final List<Member> everyone;
    private final List<OpenAction> openActions = new ArrayList<>();
    private final List<DebtItem> openDebt = new ArrayList<>();
    private final Map<String, Double> metrics = new HashMap<>();

    TeamHistory(TeamStory story, String teamName, Agenda agenda, Random random, List<LocalDate> sprintEnds,
            String productManagerId, String facilitatorId, List<String> engineerIds) {
        this.story = story;
        this.teamName = teamName;
        this.agenda = agenda;
        this.random = random;
        this.sprintEnds = sprintEnds;
        this.productManager = new Member(productManagerId, MemberRole.PRODUCT_MANAGER);
        this.facilitator = new Member(facilitatorId, MemberRole.FACILITATOR);
        this.engineers = engineerIds.stream().map(id -> new Member(id, MemberRole.ENGINEER)).toList();
        List<Member> all = new ArrayList<>(engineers);
        all.add(productManager);
        all.add(facilitator);
        this.everyone = List.copyOf(all);
    }

    String teamId() {
        return teamId;
    }

    /** Tells the whole history; {@code afterSprint} hears how many sprints are told, every few sprints. */
    void tell(IntConsumer afterSprint) {
        agenda.sitting(this::form);
        for (int first = 0; first < sprintEnds.size(); first += SPRINTS_PER_SITTING) {
            int from = first;
            int to = Math.min(sprintEnds.size(), first + SPRINTS_PER_SITTING);
            agenda.sitting(() -> {
                for (int sprint = from; sprint < to; sprint++) {
                    sprint(sprint);
                }
            });
            afterSprint.accept(to);
        }
        agenda.sitting(agenda::finish);
    }

    private void form() {
        LocalDate firstStart = sprintStart(0);
        agenda.advanceTo(at(firstStart.minusDays(4), 9, 0));
        agenda.send(new CreateTeamCommand(teamId, teamName, facilitator.requester()));
        for (Member member : everyone) {
            if (member != facilitator) {
                agenda.send(new AddTeamMemberCommand(teamId, member.userId(), member.role(), facilitator.requester()));
            }
        }
        agreeBands(0, firstStart);
    }

    private void agreeBands(int fromSprint, LocalDate effectiveFrom) {
        for (TeamStory.Band band : story.bands()) {
            if (band.fromSprint() == fromSprint) {
                agenda.send(new AgreeBalanceTargetCommand(teamId, share(band.min()), share(band.max()), band.rationale(),
                        effectiveFrom, productManager.requester()));
            }
        }
    }

    private void sprint(int sprint) {
        LocalDate start = sprintStart(sprint);
        double p = sprint / (double) (sprintEnds.size() - 1);
        if (story.postsUpdate(sprint, p)) {
            agenda.at(at(start.plusDays(1), 9, 30), () -> postUpdate(sprint, p));
        }
        int proposals = story.debtProposals(sprint, p, random);
        for (int i = 0; i < proposals; i++) {
            List<Step> path = sprint == 0 ? story.backlogPath(i, p, random) : story.debtPath(p, random);
            int votes = story.votesOnProposal(p, random);
            LocalDate day = start.plusDays(story.proposalDay(i, random));
            agenda.at(at(day, 10, i * 7), () -> propose(day, path, votes));
        }
        int paidBack = story.debtPaidBack(sprint);
        if (paidBack > 0) {
            agenda.at(at(start.plusDays(3), 16, 0), () -> payBack(paidBack));
        }
        int piling = story.pilingVotes(p, random);
        for (int i = 0; i < piling; i++) {
            agenda.at(at(start.plusDays(random.nextInt(11)), 15, random.nextInt(50)), this::pileVote);
        }
        agenda.advanceTo(at(sprintEnds.get(sprint), 14, 0));
        retro(sprint, p);
    }

    private void retro(int sprint, double p) {
        LocalDate start = sprintStart(sprint);
        LocalDate end = sprintEnds.get(sprint);
        String retroId = UUID.randomUUID().toString();
        RetroTemplate template = pick(random, List.of(RetroTemplate.values()));
        List<OpenAction> carried = List.copyOf(openActions);
        agenda.send(new StartRetroCommand(retroId, teamId, "Sprint " + (sprint + 1), start, end, template, VOTES_PER_MEMBER,
                carried.stream().map(action -> action.item).toList(), facilitator.requester(), facilitator.role()));
        for (OpenAction action : carried) {
            review(retroId, action);
        }

        List<Item> items = addItems(retroId, template, p);
        next(retroId, RetroPhase.GROUP);
        groupSomeItems(retroId, items);
        next(retroId, RetroPhase.VOTE);
        List<Member> voters = new ArrayList<>(everyone);
        Collections.shuffle(voters, random);
        for (Member voter : voters.subList(0, 3 + random.nextInt(2))) {
            for (int vote = 0; vote < 2; vote++) {
                agenda.send(new CastRetroVoteCommand(retroId, pick(random, items).id(), voter.requester(), voter.role()));
            }
        }
        next(retroId, RetroPhase.DISCUSS);
        for (int i = 0; i < story.actionItemsPerRetro(p); i++) {
            addActionItem(retroId, end, p);
        }
        next(retroId, RetroPhase.CLOSED);
        agenda.send(new RecordWorkMixCommand(retroId, workMix(p), facilitator.requester(), facilitator.role()));
        if (sprint + 1 < sprintEnds.size()) {
            agreeBands(sprint + 1, sprintStart(sprint + 1));
        }
    }

    private record Item(String id, String column) {}

    private List<Item> addItems(String retroId, RetroTemplate template, double p) {
        List<Item> items = new ArrayList<>();
        int count = 5 + random.nextInt(4);
        double share = story.maintenanceShare(p, random);
        for (int i = 0; i < count; i++) {
            boolean maintenanceWork = random.nextDouble() < Math.min(0.9, share + 0.1);
            WorkCategory category = maintenanceWork
                    ? pick(random, List.of(WorkCategory.MAINTENANCE, WorkCategory.TECH_DEBT, WorkCategory.BUG))
                    : random.nextDouble() < 0.8 ? WorkCategory.FEATURE : WorkCategory.PROCESS;
            double roll = random.nextDouble();
            double bad = story.badChance(maintenanceWork, p);
            Sentiment tone = roll < bad ? Sentiment.NEGATIVE : roll < bad + 0.45 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
            List<RetroColumn> columns = columnsFor(template, tone);
            if (columns.isEmpty()) {
                tone = Sentiment.NEGATIVE;
                columns = columnsFor(template, tone);
            }
            String column = pick(random, columns).id();
            Member author = random.nextDouble() < 0.75 ? pick(random, engineers) : pick(random, everyone);
            boolean anonymous = random.nextDouble() < 0.2;
            String itemId = UUID.randomUUID().toString();
            agenda.send(new AddRetroItemCommand(retroId, itemId, column, pick(random, DemoTexts.ITEMS.get(tone).get(category)),
                    category, anonymous, author.requester(), author.role()));
            items.add(new Item(itemId, column));
        }
        return items;
    }

    private static List<RetroColumn> columnsFor(RetroTemplate template, Sentiment tone) {
        return template.columns().stream().filter(column -> column.sentiment() == tone).toList();
    }

    private void groupSomeItems(String retroId, List<Item> items) {
        Map<String, List<String>> byColumn = new LinkedHashMap<>();
        for (Item item : items) {
            byColumn.computeIfAbsent(item.column(), column -> new ArrayList<>()).add(item.id());
        }
        byColumn.values().stream()
                .filter(ids -> ids.size() >= 2)
                .findFirst()
                .ifPresent(ids -> agenda.send(new GroupRetroItemsCommand(retroId, UUID.randomUUID().toString(),
                        pick(random, DemoTexts.GROUP_TITLES), ids.subList(0, 2), facilitator.requester(), facilitator.role())));
    }

    private void next(String retroId, RetroPhase phase) {
        agenda.send(new ChangeRetroPhaseCommand(retroId, phase, facilitator.requester(), facilitator.role()));
    }

    private void review(String retroId, OpenAction action) {
        CarryOverDecision decision = action.fate == Fate.AT_NEXT_RETRO ? CarryOverDecision.DONE
                : action.carried == 0 ? CarryOverDecision.KEEP : CarryOverDecision.DROP;
        agenda.send(new ReviewCarriedActionItemCommand(retroId, action.item.actionItemId(), decision,
                facilitator.requester(), facilitator.role()));
        if (decision == CarryOverDecision.DONE) {
            markDone(action);
        } else if (decision == CarryOverDecision.DROP) {
            openActions.remove(action);
        } else {
            action.carried++;
        }
    }

    private void addActionItem(String retroId, LocalDate end, double p) {
        Member owner = pick(random, everyone);
        String actionItemId = UUID.randomUUID().toString();
        String text = pick(random, DemoTexts.ACTION_ITEMS);
        LocalDate due = end.plusDays(10);
        Member author = pick(random, everyone);
        agenda.send(new AddActionItemCommand(retroId, actionItemId, text, owner.userId(), due, author.requester(), author.role()));
        OpenAction action = new OpenAction(new CarriedActionItem(retroId, actionItemId, text, owner.userId(), due),
                story.actionFate(p, random), owner);
        openActions.add(action);
        if (action.fate == Fate.ON_TIME) {
            agenda.at(at(end.plusDays(3 + random.nextInt(7)), 11, random.nextInt(60)), () -> markDone(action));
        }
    }

    private void markDone(OpenAction action) {
        agenda.send(new ChangeActionItemStatusCommand(action.item.sourceRetroId(), action.item.actionItemId(),
                ActionItemStatus.DONE, action.owner.requester(), action.owner.role()));
        openActions.remove(action);
    }

    private WorkMix workMix(double p) {
        int total = 34 + random.nextInt(9);
        int process = 2 + random.nextInt(3);
        int counted = total - process;
        int maintenanceWork = (int) Math.round(story.maintenanceShare(p, random) * counted);
        double[] split = story.maintenanceSplit(p);
        int maintenance = (int) Math.round(maintenanceWork * split[0]);
        int techDebt = Math.min(maintenanceWork - maintenance, (int) Math.round(maintenanceWork * split[1]));
        int bug = maintenanceWork - maintenance - techDebt;
        return new WorkMix(WorkMixUnit.POINTS, BigDecimal.valueOf(counted - maintenanceWork), BigDecimal.valueOf(maintenance),
                BigDecimal.valueOf(techDebt), BigDecimal.valueOf(bug), BigDecimal.valueOf(process));
    }

    private void propose(LocalDate proposed, List<Step> path, int votes) {
        DemoTexts.Debt debt = pick(random, DemoTexts.DEBTS);
        Member proposer = random.nextDouble() < 0.8 ? pick(random, engineers) : facilitator;
        DebtItem item = new DebtItem(UUID.randomUUID().toString());
        agenda.send(new ProposeTechDebtCommand(item.id, teamId, debt.title(), pick(random, DemoTexts.DEBT_DESCRIPTIONS),
                debt.area(), debt.estimate(), debt.impact(), proposer.requester(), proposer.role()));
        openDebt.add(item);
        List<Member> voters = new ArrayList<>(everyone);
        Collections.shuffle(voters, random);
        for (Member voter : voters.subList(0, Math.min(votes, voters.size()))) {
            vote(item, voter);
        }
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            agenda.at(at(proposed.plusDays(14L * step.sprintsLater()), 11, i * 5), () -> move(item, step.status()));
        }
    }

    private void vote(DebtItem item, Member voter) {
        agenda.send(new VoteTechDebtCommand(item.id, voter.requester(), voter.role()));
        item.voters.add(voter.userId());
    }

    private void pileVote() {
        if (openDebt.isEmpty()) {
            return;
        }
        DebtItem item = pick(random, openDebt);
        List<Member> notYet = everyone.stream().filter(member -> !item.voters.contains(member.userId())).toList();
        if (!notYet.isEmpty()) {
            vote(item, pick(random, notYet));
        }
    }

    private void move(DebtItem item, TechDebtStatus to) {
        if (!item.status.next().contains(to)) {
            return;
        }
        Member by = to == TechDebtStatus.RESOLVED ? facilitator : productManager;
        String note = to == TechDebtStatus.REJECTED ? pick(random, DemoTexts.REJECT_NOTES) : null;
        agenda.send(new ChangeTechDebtStatusCommand(item.id, to, note, by.requester(), by.role()));
        item.status = to;
        if (!to.open()) {
            openDebt.remove(item);
        }
    }

    private void payBack(int count) {
        for (DebtItem item : List.copyOf(openDebt.subList(0, Math.min(count, openDebt.size())))) {
            for (TechDebtStatus to : List.of(TechDebtStatus.ACCEPTED, TechDebtStatus.SCHEDULED, TechDebtStatus.RESOLVED)) {
                move(item, to);
            }
        }
    }

    private void postUpdate(int sprint, double p) {
        String updateId = UUID.randomUUID().toString();
        List<DemoTexts.MetricSeries> series = new ArrayList<>(DemoTexts.METRICS);
        Collections.shuffle(series, random);
        List<Metric> shown = series.subList(0, 2 + random.nextInt(2)).stream().map(this::nextValue).toList();
        List<String> voices = new ArrayList<>(DemoTexts.CUSTOMER_VOICES);
        Collections.shuffle(voices, random);
        int half = sprint / 13;
        List<GoalProgress> goals = List.of(new GoalProgress(DemoTexts.GOALS.get(half % DemoTexts.GOALS.size()),
                share(Math.min(1.0, (sprint % 13 + 1) / 12.0))));
        agenda.send(new PostProductUpdateCommand(updateId, teamId, pick(random, DemoTexts.UPDATE_TITLES),
                pick(random, DemoTexts.UPDATE_BODIES), shown, voices.subList(0, 1 + random.nextInt(2)), goals,
                productManager.requester(), productManager.role()));
        LocalDate posted = sprintStart(sprint).plusDays(1);
        for (Member member : everyone) {
            if (member != productManager && random.nextDouble() < story.acknowledgeChance(p)) {
                agenda.at(at(posted.plusDays(random.nextInt(3)), 10 + random.nextInt(7), random.nextInt(60)),
                        () -> agenda.send(new AcknowledgeProductUpdateCommand(updateId, member.requester(), member.role())));
            }
        }
        if (random.nextDouble() < 0.4) {
            Member asker = pick(random, engineers);
            String questionId = UUID.randomUUID().toString();
            int topic = random.nextInt(DemoTexts.QUESTIONS.size());
            agenda.at(at(posted.plusDays(1), 11, 15), () -> agenda.send(new AskProductUpdateQuestionCommand(updateId,
                    questionId, DemoTexts.QUESTIONS.get(topic), asker.requester(), asker.role())));
            if (random.nextDouble() < story.acknowledgeChance(p) + 0.15) {
                agenda.at(at(posted.plusDays(2), 9, 40), () -> agenda.send(new AnswerProductUpdateQuestionCommand(updateId,
                        questionId, DemoTexts.ANSWERS.get(topic), productManager.requester(), productManager.role())));
            }
        }
    }

    private Metric nextValue(DemoTexts.MetricSeries series) {
        double before = metrics.getOrDefault(series.name(), series.start());
        double after = Math.max(0, before + series.drift() + random.nextGaussian() * series.noise());
        metrics.put(series.name(), after);
        BigDecimal value = BigDecimal.valueOf(after).setScale(series.scale(), RoundingMode.HALF_UP);
        BigDecimal change = value.subtract(BigDecimal.valueOf(before).setScale(series.scale(), RoundingMode.HALF_UP));
        return new Metric(series.name(), value, series.unit(), change);
    }

    private LocalDate sprintStart(int sprint) {
        return sprintEnds.get(sprint).minusDays(11);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal share(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
