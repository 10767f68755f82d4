package io.retro.command.techdebt;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import io.retro.api.techdebt.ChangeTechDebtStatusCommand;
import io.retro.api.techdebt.Impact;
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
import io.retro.command.shared.NotAllowedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TechDebtItemTest {

    private static final String ITEM = "item-1";
    private static final String TEAM = "team-1";
    private static final String ENGINEER = "user-e";
    private static final String PM = "user-pm";
    private static final String FACILITATOR = "user-f";

    private FixtureConfiguration<TechDebtItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechDebtItem.class);
    }

    private static TechDebtProposedEvent proposed() {
        return new TechDebtProposedEvent(ITEM, TEAM, "Replace the legacy cache", "It loses writes", "checkout", "3 days", Impact.HIGH, ENGINEER);
    }

    private static TechDebtStatusChangedEvent moved(TechDebtStatus from, TechDebtStatus to) {
        return new TechDebtStatusChangedEvent(ITEM, TEAM, from, to, "agreed", FACILITATOR);
    }

    private static Object[] itemIn(TechDebtStatus status) {
        return switch (status) {
            case PROPOSED -> new Object[] {proposed()};
            case ACCEPTED -> new Object[] {proposed(), moved(TechDebtStatus.PROPOSED, TechDebtStatus.ACCEPTED)};
            case SCHEDULED -> new Object[] {proposed(), moved(TechDebtStatus.PROPOSED, TechDebtStatus.ACCEPTED),
                moved(TechDebtStatus.ACCEPTED, TechDebtStatus.SCHEDULED)};
            case RESOLVED -> new Object[] {proposed(), moved(TechDebtStatus.PROPOSED, TechDebtStatus.ACCEPTED),
                moved(TechDebtStatus.ACCEPTED, TechDebtStatus.SCHEDULED), moved(TechDebtStatus.SCHEDULED, TechDebtStatus.RESOLVED)};
            case REJECTED -> new Object[] {proposed(), moved(TechDebtStatus.PROPOSED, TechDebtStatus.REJECTED)};
        };
    }

    private static ChangeTechDebtStatusCommand move(TechDebtStatus to, String by, MemberRole role) {
        return new ChangeTechDebtStatusCommand(ITEM, to, "agreed", Requester.member(by), role);
    }

    @Test
    void memberProposesItem() {
        fixture.givenNoPriorActivity()
                .when(new ProposeTechDebtCommand(ITEM, TEAM, "Replace the legacy cache", "It loses writes", "checkout", "3 days",
                        Impact.HIGH, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(proposed());
    }

    @Test
    void proposalNeedsOnlyTitleAndImpact() {
        fixture.givenNoPriorActivity()
                .when(new ProposeTechDebtCommand(ITEM, TEAM, "Flaky tests", null, null, null, Impact.LOW, Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectEvents(new TechDebtProposedEvent(ITEM, TEAM, "Flaky tests", null, null, null, Impact.LOW, PM));
    }

    @Test
    void rejectsProposalFromOutsider() {
        fixture.givenNoPriorActivity()
                .when(new ProposeTechDebtCommand(ITEM, TEAM, "Flaky tests", null, null, null, Impact.LOW, Requester.member("stranger"), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsProposalWithoutImpact() {
        fixture.givenNoPriorActivity()
                .when(new ProposeTechDebtCommand(ITEM, TEAM, "Flaky tests", null, null, null, null, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsProposalWithBlankTitle() {
        fixture.givenNoPriorActivity()
                .when(new ProposeTechDebtCommand(ITEM, TEAM, "", null, null, null, Impact.LOW, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsProposalWithOverlongArea() {
        fixture.givenNoPriorActivity()
                .when(new ProposeTechDebtCommand(ITEM, TEAM, "Flaky tests", null, "a".repeat(201), null, Impact.LOW, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void voteRecordsTheVotersRole() {
        fixture.given(proposed())
                .when(new VoteTechDebtCommand(ITEM, Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectEvents(new TechDebtVotedEvent(ITEM, TEAM, PM, MemberRole.PRODUCT_MANAGER));
    }

    @ParameterizedTest
    @EnumSource(value = TechDebtStatus.class, names = {"PROPOSED", "ACCEPTED", "SCHEDULED"})
    void membersVoteWhileTheItemIsOpen(TechDebtStatus status) {
        fixture.given(itemIn(status))
                .when(new VoteTechDebtCommand(ITEM, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new TechDebtVotedEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER));
    }

    @ParameterizedTest
    @EnumSource(value = TechDebtStatus.class, names = {"RESOLVED", "REJECTED"})
    void rejectsVoteOnClosedItem(TechDebtStatus status) {
        fixture.given(itemIn(status))
                .when(new VoteTechDebtCommand(ITEM, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsSecondVoteOfTheSameMember() {
        fixture.given(proposed(), new TechDebtVotedEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER))
                .when(new VoteTechDebtCommand(ITEM, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectExceptionMessage("You already voted for this item: one vote per member.")
                .expectNoEvents();
    }

    @Test
    void rejectsVoteFromOutsider() {
        fixture.given(proposed())
                .when(new VoteTechDebtCommand(ITEM, Requester.member("stranger"), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsVoteFromAdminWhoIsNoMember() {
        fixture.given(proposed())
                .when(new VoteTechDebtCommand(ITEM, new Requester("admin", true), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawnVoteKeepsTheRoleItWasCastIn() {
        fixture.given(proposed(), new TechDebtVotedEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER))
                .when(new WithdrawTechDebtVoteCommand(ITEM, Requester.member(ENGINEER), MemberRole.FACILITATOR))
                .expectEvents(new TechDebtVoteWithdrawnEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER));
    }

    @Test
    void memberVotesAgainAfterWithdrawing() {
        fixture.given(proposed(), new TechDebtVotedEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER),
                        new TechDebtVoteWithdrawnEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER))
                .when(new VoteTechDebtCommand(ITEM, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new TechDebtVotedEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER));
    }

    @Test
    void withdrawingWithoutAVoteChangesNothing() {
        fixture.given(proposed())
                .when(new WithdrawTechDebtVoteCommand(ITEM, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsWithdrawingOnClosedItem() {
        fixture.given(itemIn(TechDebtStatus.RESOLVED))
                .andGiven(new TechDebtVotedEvent(ITEM, TEAM, ENGINEER, MemberRole.ENGINEER))
                .when(new WithdrawTechDebtVoteCommand(ITEM, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsWithdrawingByOutsider() {
        fixture.given(proposed())
                .when(new WithdrawTechDebtVoteCommand(ITEM, Requester.member("stranger"), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({
        "PROPOSED, ACCEPTED", "PROPOSED, REJECTED",
        "ACCEPTED, SCHEDULED", "ACCEPTED, REJECTED",
        "SCHEDULED, RESOLVED", "SCHEDULED, REJECTED"
    })
    void facilitatorMovesItemAlongAllowedTransitions(TechDebtStatus from, TechDebtStatus to) {
        fixture.given(itemIn(from))
                .when(move(to, FACILITATOR, MemberRole.FACILITATOR))
                .expectEvents(moved(from, to));
    }

    @ParameterizedTest
    @CsvSource({
        "PROPOSED, PROPOSED", "PROPOSED, SCHEDULED", "PROPOSED, RESOLVED",
        "ACCEPTED, PROPOSED", "ACCEPTED, ACCEPTED", "ACCEPTED, RESOLVED",
        "SCHEDULED, ACCEPTED", "SCHEDULED, SCHEDULED",
        "RESOLVED, REJECTED", "RESOLVED, SCHEDULED",
        "REJECTED, ACCEPTED", "REJECTED, PROPOSED"
    })
    void rejectsTransitionsOutsideTheLifecycle(TechDebtStatus from, TechDebtStatus to) {
        fixture.given(itemIn(from))
                .when(move(to, FACILITATOR, MemberRole.FACILITATOR))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void productManagerMovesItem() {
        fixture.given(proposed())
                .when(new ChangeTechDebtStatusCommand(ITEM, TechDebtStatus.ACCEPTED, "worth it", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectEvents(new TechDebtStatusChangedEvent(ITEM, TEAM, TechDebtStatus.PROPOSED, TechDebtStatus.ACCEPTED, "worth it", PM));
    }

    @Test
    void adminMovesItemWithoutBeingAMember() {
        fixture.given(proposed())
                .when(new ChangeTechDebtStatusCommand(ITEM, TechDebtStatus.ACCEPTED, null, new Requester("admin", true), null))
                .expectEvents(new TechDebtStatusChangedEvent(ITEM, TEAM, TechDebtStatus.PROPOSED, TechDebtStatus.ACCEPTED, null, "admin"));
    }

    @Test
    void rejectsStatusChangeByEngineer() {
        fixture.given(proposed())
                .when(move(TechDebtStatus.ACCEPTED, ENGINEER, MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsStatusChangeByOutsider() {
        fixture.given(proposed())
                .when(move(TechDebtStatus.ACCEPTED, "stranger", null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectionNeedsANote() {
        fixture.given(proposed())
                .when(new ChangeTechDebtStatusCommand(ITEM, TechDebtStatus.REJECTED, " ", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage("Say why the item is rejected.")
                .expectNoEvents();
    }

    @Test
    void rejectsStatusChangeWithoutStatus() {
        fixture.given(proposed())
                .when(new ChangeTechDebtStatusCommand(ITEM, null, "x", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
