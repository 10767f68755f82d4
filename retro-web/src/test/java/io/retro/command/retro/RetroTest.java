package io.retro.command.retro;

import static io.retro.api.retro.RetroPhase.CLOSED;
import static io.retro.api.retro.RetroPhase.DISCUSS;
import static io.retro.api.retro.RetroPhase.GROUP;
import static io.retro.api.retro.RetroPhase.VOTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.AddActionItemCommand;
import io.retro.api.retro.AddRetroItemCommand;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarriedActionItemReviewedEvent;
import io.retro.api.retro.CarryOverDecision;
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
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.MemberRole;
import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.NotAllowedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetroTest {

    private static final String RETRO = "retro-1";
    private static final String TEAM = "team-1";
    private static final String FACILITATOR = "user-f";
    private static final String ENGINEER = "user-e";
    private static final String OTHER = "user-o";
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final LocalDate END = LocalDate.of(2026, 11, 13);
    private static final AuthorSeals SEALS = new AuthorSeals("a-test-key-of-thirty-two-bytes!!".getBytes());
    private static final CarriedActionItem CARRIED =
            new CarriedActionItem("retro-0", "action-0", "Fix the flaky build", ENGINEER, LocalDate.of(2026, 11, 1));

    private FixtureConfiguration<Retro> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Retro.class);
        fixture.registerInjectableResource(SEALS);
    }

    private static Requester member(String userId) {
        return Requester.member(userId);
    }

    private static RetroStartedEvent started(int votesPerMember) {
        return new RetroStartedEvent(RETRO, TEAM, "Sprint 42", START, END, RetroTemplate.START_STOP_CONTINUE,
                votesPerMember, List.of(CARRIED), FACILITATOR);
    }

    private static RetroItemAddedEvent openItem(String itemId, String author) {
        return new RetroItemAddedEvent(RETRO, itemId, "START", "Pair more", WorkCategory.PROCESS, author, null);
    }

    private static RetroItemAddedEvent anonymousItem(String itemId, String author) {
        return new RetroItemAddedEvent(RETRO, itemId, "STOP", "Late deploys", WorkCategory.BUG, null,
                SEALS.seal(RETRO, itemId, author));
    }

    /** The retro's history up to the given phase, with two items: one open by ENGINEER, one anonymous by ENGINEER. */
    private static Object[] retroIn(RetroPhase phase, int votesPerMember) {
        List<Object> events = new ArrayList<>(List.of(started(votesPerMember), openItem("item-1", ENGINEER),
                anonymousItem("item-2", ENGINEER)));
        for (RetroPhase p = RetroPhase.REFLECT; p != phase; p = p.next()) {
            events.add(new RetroPhaseChangedEvent(RETRO, TEAM, p.next(), FACILITATOR));
        }
        return events.toArray();
    }

    private static Object[] retroIn(RetroPhase phase) {
        return retroIn(phase, 3);
    }

    private static StartRetroCommand start(Requester requester, MemberRole role, LocalDate end, int votes) {
        return new StartRetroCommand(RETRO, TEAM, "Sprint 42", START, end, RetroTemplate.START_STOP_CONTINUE, votes,
                List.of(CARRIED), requester, role);
    }

    // starting

    @Test
    void facilitatorStartsRetroWithCarriedActionItems() {
        fixture.givenNoPriorActivity()
                .when(start(member(FACILITATOR), MemberRole.FACILITATOR, END, 3))
                .expectEvents(started(3));
    }

    @Test
    void adminStartsRetroWithoutBeingAMember() {
        fixture.givenNoPriorActivity()
                .when(start(new Requester("admin", true), null, END, 3))
                .expectEvents(new RetroStartedEvent(RETRO, TEAM, "Sprint 42", START, END, RetroTemplate.START_STOP_CONTINUE,
                        3, List.of(CARRIED), "admin"));
    }

    @Test
    void rejectsRetroStartedByEngineer() {
        fixture.givenNoPriorActivity()
                .when(start(member(ENGINEER), MemberRole.ENGINEER, END, 3))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsRetroStartedByOutsider() {
        fixture.givenNoPriorActivity()
                .when(start(member(OTHER), null, END, 3))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsSprintEndingBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(start(member(FACILITATOR), MemberRole.FACILITATOR, START.minusDays(1), 3))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage("The sprint cannot end before it starts.")
                .expectNoEvents();
    }

    @Test
    void rejectsVoteBudgetOutsideOneToHundred() {
        fixture.givenNoPriorActivity()
                .when(start(member(FACILITATOR), MemberRole.FACILITATOR, END, 0))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(start(member(FACILITATOR), MemberRole.FACILITATOR, END, 101))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsRetroWithoutTemplate() {
        fixture.givenNoPriorActivity()
                .when(new StartRetroCommand(RETRO, TEAM, "Sprint 42", START, END, null, 3, List.of(),
                        member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    // items

    @Test
    void memberAddsOpenItemInReflect() {
        fixture.given(started(3))
                .when(new AddRetroItemCommand(RETRO, "item-1", "START", "Pair more", WorkCategory.PROCESS, false,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(openItem("item-1", ENGINEER));
    }

    @Test
    void anonymousItemCarriesASealInsteadOfTheAuthor() {
        fixture.given(started(3))
                .when(new AddRetroItemCommand(RETRO, "item-2", "STOP", "Late deploys", WorkCategory.BUG, true,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(anonymousItem("item-2", ENGINEER))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.<Object>hasToString(org.hamcrest.Matchers.not(
                                        org.hamcrest.Matchers.containsString(ENGINEER))))));
    }

    @Test
    void sealsDifferPerItemSoAnonymousItemsCannotBeLinked() {
        assertThat(SEALS.seal(RETRO, "item-a", ENGINEER)).isNotEqualTo(SEALS.seal(RETRO, "item-b", ENGINEER));
        assertThat(new AuthorSeals("another-key-of-thirty-two-bytes!".getBytes()).seal(RETRO, "item-a", ENGINEER))
                .isNotEqualTo(SEALS.seal(RETRO, "item-a", ENGINEER));
    }

    @Test
    void rejectsItemFromOutsider() {
        fixture.given(started(3))
                .when(new AddRetroItemCommand(RETRO, "item-1", "START", "Pair more", WorkCategory.PROCESS, false,
                        member(OTHER), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsItemOutsideReflect() {
        fixture.given(retroIn(GROUP))
                .when(new AddRetroItemCommand(RETRO, "item-9", "START", "Late idea", WorkCategory.PROCESS, false,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsItemInAColumnTheTemplateLacks() {
        fixture.given(started(3))
                .when(new AddRetroItemCommand(RETRO, "item-1", "WENT_WELL", "Pair more", WorkCategory.PROCESS, false,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsItemWithoutTextOrCategory() {
        fixture.given(started(3))
                .when(new AddRetroItemCommand(RETRO, "item-1", "START", " ", WorkCategory.PROCESS, false,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
        fixture.given(started(3))
                .when(new AddRetroItemCommand(RETRO, "item-1", "START", "Pair more", null, false,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void authorEditsOwnItem() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new EditRetroItemCommand(RETRO, "item-1", "Pair every day", WorkCategory.FEATURE,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new RetroItemEditedEvent(RETRO, "item-1", "Pair every day", WorkCategory.FEATURE));
    }

    @Test
    void anonymousAuthorEditsOwnItemThroughTheSeal() {
        fixture.given(retroIn(GROUP))
                .when(new EditRetroItemCommand(RETRO, "item-2", "Late Friday deploys", WorkCategory.BUG,
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new RetroItemEditedEvent(RETRO, "item-2", "Late Friday deploys", WorkCategory.BUG));
    }

    @Test
    void anonymousAuthorDeletesOwnItem() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new DeleteRetroItemCommand(RETRO, "item-2", member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new RetroItemDeletedEvent(RETRO, "item-2"));
    }

    @Test
    void rejectsEditOfAnonymousItemByAnotherMember() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new EditRetroItemCommand(RETRO, "item-2", "Mine now", WorkCategory.BUG, member(OTHER), MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsDeleteOfSomeoneElsesItem() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new DeleteRetroItemCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void facilitatorEditsAndDeletesAnyItem() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new EditRetroItemCommand(RETRO, "item-2", "Deploys after 5pm", WorkCategory.BUG,
                        member(FACILITATOR), MemberRole.FACILITATOR))
                .expectEvents(new RetroItemEditedEvent(RETRO, "item-2", "Deploys after 5pm", WorkCategory.BUG));
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new DeleteRetroItemCommand(RETRO, "item-1", member(FACILITATOR), MemberRole.FACILITATOR))
                .expectEvents(new RetroItemDeletedEvent(RETRO, "item-1"));
    }

    @Test
    void rejectsEditAndDeleteOnceVotingStarted() {
        fixture.given(retroIn(VOTE))
                .when(new EditRetroItemCommand(RETRO, "item-1", "Too late", WorkCategory.PROCESS, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(retroIn(VOTE))
                .when(new DeleteRetroItemCommand(RETRO, "item-1", member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsEditOfUnknownOrDeletedItem() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .andGiven(new RetroItemDeletedEvent(RETRO, "item-1"))
                .when(new EditRetroItemCommand(RETRO, "item-1", "Back", WorkCategory.PROCESS, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // groups

    @Test
    void memberGroupsItemsInGroup() {
        fixture.given(retroIn(GROUP))
                .when(new GroupRetroItemsCommand(RETRO, "group-1", "Delivery", List.of("item-1", "item-2", "item-1"),
                        member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new RetroItemsGroupedEvent(RETRO, "group-1", "Delivery", List.of("item-1", "item-2"), ENGINEER));
    }

    @Test
    void rejectsGroupingOutsideGroupPhase() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new GroupRetroItemsCommand(RETRO, "group-1", "Delivery", List.of("item-1"), member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsGroupOfUnknownItemsOrNone() {
        fixture.given(retroIn(GROUP))
                .when(new GroupRetroItemsCommand(RETRO, "group-1", "Delivery", List.of("item-404"), member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
        fixture.given(retroIn(GROUP))
                .when(new GroupRetroItemsCommand(RETRO, "group-1", "Delivery", List.of(), member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsGroupingByOutsider() {
        fixture.given(retroIn(GROUP))
                .when(new GroupRetroItemsCommand(RETRO, "group-1", "Delivery", List.of("item-1"), member(OTHER), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    // votes

    @Test
    void memberVotesInVote() {
        fixture.given(retroIn(VOTE))
                .when(new CastRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectEvents(new RetroVoteCastEvent(RETRO, "item-1", OTHER));
    }

    @Test
    void memberMayPutSeveralDotsOnOneItemWithinBudget() {
        fixture.given(retroIn(VOTE, 2))
                .andGiven(new RetroVoteCastEvent(RETRO, "item-1", OTHER))
                .when(new CastRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectEvents(new RetroVoteCastEvent(RETRO, "item-1", OTHER));
    }

    @Test
    void rejectsVoteWhenBudgetIsSpent() {
        fixture.given(retroIn(VOTE, 2))
                .andGiven(new RetroVoteCastEvent(RETRO, "item-1", OTHER), new RetroVoteCastEvent(RETRO, "item-2", OTHER))
                .when(new CastRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void budgetIsPerMember() {
        fixture.given(retroIn(VOTE, 1))
                .andGiven(new RetroVoteCastEvent(RETRO, "item-1", OTHER))
                .when(new CastRetroVoteCommand(RETRO, "item-1", member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new RetroVoteCastEvent(RETRO, "item-1", ENGINEER));
    }

    @Test
    void withdrawnVoteReturnsToTheBudget() {
        fixture.given(retroIn(VOTE, 1))
                .andGiven(new RetroVoteCastEvent(RETRO, "item-1", OTHER), new RetroVoteWithdrawnEvent(RETRO, "item-1", OTHER))
                .when(new CastRetroVoteCommand(RETRO, "item-2", member(OTHER), MemberRole.ENGINEER))
                .expectEvents(new RetroVoteCastEvent(RETRO, "item-2", OTHER));
    }

    @Test
    void memberWithdrawsOneOfTheirVotes() {
        fixture.given(retroIn(VOTE))
                .andGiven(new RetroVoteCastEvent(RETRO, "item-1", OTHER))
                .when(new WithdrawRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectEvents(new RetroVoteWithdrawnEvent(RETRO, "item-1", OTHER));
    }

    @Test
    void rejectsWithdrawingAVoteNeverCast() {
        fixture.given(retroIn(VOTE))
                .andGiven(new RetroVoteCastEvent(RETRO, "item-1", ENGINEER))
                .when(new WithdrawRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsVotesOutsideVote() {
        fixture.given(retroIn(GROUP))
                .when(new CastRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(retroIn(DISCUSS))
                .andGiven()
                .when(new WithdrawRetroVoteCommand(RETRO, "item-1", member(OTHER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsVoteFromOutsiderOrOnUnknownItem() {
        fixture.given(retroIn(VOTE))
                .when(new CastRetroVoteCommand(RETRO, "item-1", member(OTHER), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
        fixture.given(retroIn(VOTE))
                .when(new CastRetroVoteCommand(RETRO, "item-404", member(OTHER), MemberRole.ENGINEER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // phases

    @Test
    void facilitatorMovesToTheNextPhase() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new ChangeRetroPhaseCommand(RETRO, GROUP, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectEvents(new RetroPhaseChangedEvent(RETRO, TEAM, GROUP, FACILITATOR));
        fixture.given(retroIn(DISCUSS))
                .when(new ChangeRetroPhaseCommand(RETRO, CLOSED, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectEvents(new RetroPhaseChangedEvent(RETRO, TEAM, CLOSED, FACILITATOR));
    }

    @Test
    void rejectsSkippingAPhase() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new ChangeRetroPhaseCommand(RETRO, VOTE, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsGoingBackOrStayingPut() {
        fixture.given(retroIn(VOTE))
                .when(new ChangeRetroPhaseCommand(RETRO, GROUP, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(retroIn(VOTE))
                .when(new ChangeRetroPhaseCommand(RETRO, VOTE, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnyPhaseAfterClosed() {
        fixture.given(retroIn(CLOSED))
                .when(new ChangeRetroPhaseCommand(RETRO, RetroPhase.REFLECT, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(ConflictException.class)
                .expectExceptionMessage("The retro is closed; it has no next phase.")
                .expectNoEvents();
    }

    @Test
    void rejectsPhaseChangeByEngineer() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new ChangeRetroPhaseCommand(RETRO, GROUP, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    // action items

    private static AddActionItemCommand actionItem(Requester requester, MemberRole role) {
        return new AddActionItemCommand(RETRO, "action-1", "Automate deploys", ENGINEER, END.plusDays(14), requester, role);
    }

    private static ActionItemAddedEvent actionItemAdded() {
        return new ActionItemAddedEvent(RETRO, TEAM, "action-1", "Automate deploys", ENGINEER, END.plusDays(14), FACILITATOR);
    }

    @Test
    void memberAddsActionItemInDiscuss() {
        fixture.given(retroIn(DISCUSS))
                .when(actionItem(member(FACILITATOR), MemberRole.FACILITATOR))
                .expectEvents(actionItemAdded());
    }

    @Test
    void rejectsActionItemOutsideDiscuss() {
        fixture.given(retroIn(VOTE))
                .when(actionItem(member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsActionItemWithoutOwnerOrByOutsider() {
        fixture.given(retroIn(DISCUSS))
                .when(new AddActionItemCommand(RETRO, "action-1", "Automate", null, null, member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
        fixture.given(retroIn(DISCUSS))
                .when(actionItem(member(OTHER), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void actionItemStatusChangesEvenAfterClosed() {
        fixture.given(retroIn(DISCUSS))
                .andGiven(actionItemAdded(), new RetroPhaseChangedEvent(RETRO, TEAM, CLOSED, FACILITATOR))
                .when(new ChangeActionItemStatusCommand(RETRO, "action-1", ActionItemStatus.DONE, member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new ActionItemStatusChangedEvent(RETRO, TEAM, "action-1", ActionItemStatus.DONE, ENGINEER));
    }

    @Test
    void rejectsStatusOfUnknownActionItemOrWithoutStatus() {
        fixture.given(retroIn(DISCUSS))
                .when(new ChangeActionItemStatusCommand(RETRO, "action-404", ActionItemStatus.DONE, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        fixture.given(retroIn(DISCUSS))
                .andGiven(actionItemAdded())
                .when(new ChangeActionItemStatusCommand(RETRO, "action-1", null, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsStatusChangeByOutsider() {
        fixture.given(retroIn(DISCUSS))
                .andGiven(actionItemAdded())
                .when(new ChangeActionItemStatusCommand(RETRO, "action-1", ActionItemStatus.DONE, member(OTHER), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    // follow-through

    @Test
    void teamReviewsACarriedActionItem() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new ReviewCarriedActionItemCommand(RETRO, "action-0", CarryOverDecision.DONE, member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new CarriedActionItemReviewedEvent(RETRO, TEAM, "retro-0", "action-0", CarryOverDecision.DONE, ENGINEER));
    }

    @Test
    void rejectsReviewOfAnItemNotCarriedIn() {
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new ReviewCarriedActionItemCommand(RETRO, "action-9", CarryOverDecision.KEEP, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsReviewAfterClosedOrByOutsider() {
        fixture.given(retroIn(CLOSED))
                .when(new ReviewCarriedActionItemCommand(RETRO, "action-0", CarryOverDecision.DROP, member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(retroIn(RetroPhase.REFLECT))
                .when(new ReviewCarriedActionItemCommand(RETRO, "action-0", CarryOverDecision.DROP, member(OTHER), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    // work mix

    private static WorkMix mix(String feature) {
        return new WorkMix(WorkMixUnit.POINTS, new BigDecimal(feature), new BigDecimal("5"), new BigDecimal("3"),
                new BigDecimal("2"), BigDecimal.ONE);
    }

    @Test
    void facilitatorRecordsWorkMix() {
        fixture.given(retroIn(CLOSED))
                .when(new RecordWorkMixCommand(RETRO, mix("13"), member(FACILITATOR), MemberRole.FACILITATOR))
                .expectEvents(new WorkMixRecordedEvent(RETRO, TEAM, mix("13"), FACILITATOR));
    }

    @Test
    void rejectsWorkMixFromEngineer() {
        fixture.given(retroIn(DISCUSS))
                .when(new RecordWorkMixCommand(RETRO, mix("13"), member(ENGINEER), MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsNegativeAmountsOrMissingUnit() {
        fixture.given(retroIn(DISCUSS))
                .when(new RecordWorkMixCommand(RETRO, mix("-1"), member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
        fixture.given(retroIn(DISCUSS))
                .when(new RecordWorkMixCommand(RETRO, new WorkMix(null, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ONE, BigDecimal.ONE), member(FACILITATOR), MemberRole.FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
