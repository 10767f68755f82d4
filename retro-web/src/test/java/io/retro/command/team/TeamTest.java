package io.retro.command.team;

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
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamTest {

    private static final String TEAM = "team-1";
    private static final String FACILITATOR = "user-f";
    private static final String ENGINEER = "user-e";
    private static final String PM = "user-pm";
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private FixtureConfiguration<Team> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Team.class);
    }

    private Object[] teamWithMembers() {
        return new Object[] {
            new TeamCreatedEvent(TEAM, "Payments", FACILITATOR),
            new TeamMemberAddedEvent(TEAM, FACILITATOR, MemberRole.FACILITATOR, FACILITATOR),
            new TeamMemberAddedEvent(TEAM, ENGINEER, MemberRole.ENGINEER, FACILITATOR),
            new TeamMemberAddedEvent(TEAM, PM, MemberRole.PRODUCT_MANAGER, FACILITATOR)
        };
    }

    private static AgreeBalanceTargetCommand band(String min, String max, String by) {
        return new AgreeBalanceTargetCommand(TEAM, new BigDecimal(min), new BigDecimal(max), "stability first", JAN_1, Requester.member(by));
    }

    @Test
    void creatorBecomesFacilitator() {
        fixture.givenNoPriorActivity()
                .when(new CreateTeamCommand(TEAM, "Payments", Requester.member(FACILITATOR)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new TeamCreatedEvent(TEAM, "Payments", FACILITATOR),
                        new TeamMemberAddedEvent(TEAM, FACILITATOR, MemberRole.FACILITATOR, FACILITATOR));
    }

    @Test
    void facilitatorAddsMember() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, "user-new", MemberRole.ENGINEER, Requester.member(FACILITATOR)))
                .expectEvents(new TeamMemberAddedEvent(TEAM, "user-new", MemberRole.ENGINEER, FACILITATOR));
    }

    @Test
    void adminAddsMemberWithoutBeingOne() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, "user-new", MemberRole.ENGINEER, new Requester("admin", true)))
                .expectEvents(new TeamMemberAddedEvent(TEAM, "user-new", MemberRole.ENGINEER, "admin"));
    }

    @Test
    void rejectsMemberAddedByEngineer() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, "user-new", MemberRole.ENGINEER, Requester.member(ENGINEER)))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMemberAddedByOutsider() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, "user-new", MemberRole.ENGINEER, Requester.member("stranger")))
                .expectException(NotAllowedException.class)
                .expectExceptionMessage("Only members of this team may add members.")
                .expectNoEvents();
    }

    @Test
    void addingMemberInSameRoleAgainChangesNothing() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, ENGINEER, MemberRole.ENGINEER, Requester.member(FACILITATOR)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void addingExistingMemberInAnotherRoleChangesTheRole() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, ENGINEER, MemberRole.FACILITATOR, Requester.member(FACILITATOR)))
                .expectEvents(new TeamMemberRoleChangedEvent(TEAM, ENGINEER, MemberRole.FACILITATOR, FACILITATOR));
    }

    @Test
    void rejectsDemotingTheLastFacilitator() {
        fixture.given(teamWithMembers())
                .when(new AddTeamMemberCommand(TEAM, FACILITATOR, MemberRole.ENGINEER, Requester.member(FACILITATOR)))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void demotesAFacilitatorWhenAnotherRemains() {
        fixture.given(teamWithMembers())
                .andGiven(new TeamMemberRoleChangedEvent(TEAM, ENGINEER, MemberRole.FACILITATOR, FACILITATOR))
                .when(new AddTeamMemberCommand(TEAM, FACILITATOR, MemberRole.ENGINEER, Requester.member(ENGINEER)))
                .expectEvents(new TeamMemberRoleChangedEvent(TEAM, FACILITATOR, MemberRole.ENGINEER, ENGINEER));
    }

    @Test
    void facilitatorAgreesBalanceTarget() {
        fixture.given(teamWithMembers())
                .when(band("0.2", "0.4", FACILITATOR))
                .expectEvents(new BalanceTargetAgreedEvent(TEAM, new BigDecimal("0.2"), new BigDecimal("0.4"), "stability first", JAN_1, FACILITATOR));
    }

    @Test
    void productManagerAgreesBalanceTarget() {
        fixture.given(teamWithMembers())
                .when(band("0", "1", PM))
                .expectEvents(new BalanceTargetAgreedEvent(TEAM, BigDecimal.ZERO, BigDecimal.ONE, "stability first", JAN_1, PM));
    }

    @Test
    void rejectsBalanceTargetFromEngineer() {
        fixture.given(teamWithMembers())
                .when(band("0.2", "0.4", ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsBalanceTargetFromOutsider() {
        fixture.given(teamWithMembers())
                .when(band("0.2", "0.4", "stranger"))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsBandWithMinimumAboveMaximum() {
        fixture.given(teamWithMembers())
                .when(band("0.5", "0.4", FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage("maintenanceMin must not be greater than maintenanceMax.")
                .expectNoEvents();
    }

    @Test
    void rejectsShareAboveOne() {
        fixture.given(teamWithMembers())
                .when(band("0.2", "1.01", FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsNegativeShare() {
        fixture.given(teamWithMembers())
                .when(band("-0.1", "0.4", FACILITATOR))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
