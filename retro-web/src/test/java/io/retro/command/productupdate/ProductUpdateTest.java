package io.retro.command.productupdate;

import io.retro.api.productupdate.AcknowledgeProductUpdateCommand;
import io.retro.api.productupdate.AnswerProductUpdateQuestionCommand;
import io.retro.api.productupdate.AskProductUpdateQuestionCommand;
import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.PostProductUpdateCommand;
import io.retro.api.productupdate.ProductUpdateAcknowledgedEvent;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAnsweredEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAskedEvent;
import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import io.retro.command.shared.ConflictException;
import io.retro.command.shared.InvalidValueException;
import io.retro.command.shared.NotAllowedException;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductUpdateTest {

    private static final String UPDATE = "update-1";
    private static final String TEAM = "team-1";
    private static final String PM = "user-pm";
    private static final String ENGINEER = "user-e";
    private static final String FACILITATOR = "user-f";
    private static final List<Metric> METRICS = List.of(new Metric("Weekly active users", new BigDecimal("1200"), "users", new BigDecimal("0.08")));
    private static final List<String> VOICES = List.of("Checkout is finally fast");
    private static final List<GoalProgress> GOALS = List.of(new GoalProgress("Self-serve onboarding", new BigDecimal("0.6")));

    private FixtureConfiguration<ProductUpdate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductUpdate.class);
    }

    private static PostProductUpdateCommand post(String by, MemberRole role) {
        return new PostProductUpdateCommand(UPDATE, TEAM, "April", "Usage is **up**.", METRICS, VOICES, GOALS,
                Requester.member(by), role);
    }

    private static ProductUpdatePostedEvent posted() {
        return new ProductUpdatePostedEvent(UPDATE, TEAM, "April", "Usage is **up**.", METRICS, VOICES, GOALS, PM);
    }

    private static ProductUpdateQuestionAskedEvent asked() {
        return new ProductUpdateQuestionAskedEvent(UPDATE, TEAM, "q-1", "Why did churn rise?", ENGINEER);
    }

    @Test
    void productManagerPostsUpdate() {
        fixture.givenNoPriorActivity()
                .when(post(PM, MemberRole.PRODUCT_MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(posted());
    }

    @Test
    void postWithoutMetricsVoicesOrGoalsStoresEmptyLists() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, "April", "Quiet month.", null, null, null,
                        Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectEvents(new ProductUpdatePostedEvent(UPDATE, TEAM, "April", "Quiet month.", List.of(), List.of(), List.of(), PM));
    }

    @Test
    void adminPostsUpdateWithoutBeingAMember() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, "April", "Usage is **up**.", METRICS, VOICES, GOALS,
                        new Requester("admin", true), null))
                .expectEvents(new ProductUpdatePostedEvent(UPDATE, TEAM, "April", "Usage is **up**.", METRICS, VOICES, GOALS, "admin"));
    }

    @Test
    void rejectsUpdateFromEngineer() {
        fixture.givenNoPriorActivity()
                .when(post(ENGINEER, MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsUpdateFromFacilitator() {
        fixture.givenNoPriorActivity()
                .when(post(FACILITATOR, MemberRole.FACILITATOR))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsUpdateFromOutsider() {
        fixture.givenNoPriorActivity()
                .when(post("stranger", null))
                .expectException(NotAllowedException.class)
                .expectExceptionMessage("Only members of this team may post product updates.")
                .expectNoEvents();
    }

    @Test
    void rejectsBlankTitle() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, " ", "body", null, null, null, Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsBodyOverTheLimit() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, "April", "x".repeat(4001), null, null, null, Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsGoalProgressOutsideZeroToOne() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, "April", "body", null, null,
                        List.of(new GoalProgress("Onboarding", new BigDecimal("1.5"))), Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage("A goal's progress is a share between 0 and 1.")
                .expectNoEvents();
    }

    @Test
    void rejectsMetricWithoutValue() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, "April", "body", List.of(new Metric("NPS", null, null, null)),
                        null, null, Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsBlankCustomerVoice() {
        fixture.givenNoPriorActivity()
                .when(new PostProductUpdateCommand(UPDATE, TEAM, "April", "body", null, List.of(""), null,
                        Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void memberAcknowledgesUpdate() {
        fixture.given(posted())
                .when(new AcknowledgeProductUpdateCommand(UPDATE, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(new ProductUpdateAcknowledgedEvent(UPDATE, TEAM, ENGINEER));
    }

    @Test
    void repeatedAcknowledgementChangesNothing() {
        fixture.given(posted(), new ProductUpdateAcknowledgedEvent(UPDATE, TEAM, ENGINEER))
                .when(new AcknowledgeProductUpdateCommand(UPDATE, Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsAcknowledgementFromOutsider() {
        fixture.given(posted())
                .when(new AcknowledgeProductUpdateCommand(UPDATE, Requester.member("stranger"), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAcknowledgementFromAdminWhoIsNoMember() {
        fixture.given(posted())
                .when(new AcknowledgeProductUpdateCommand(UPDATE, new Requester("admin", true), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void memberAsksQuestion() {
        fixture.given(posted())
                .when(new AskProductUpdateQuestionCommand(UPDATE, "q-1", "Why did churn rise?", Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectEvents(asked());
    }

    @Test
    void rejectsQuestionFromOutsider() {
        fixture.given(posted())
                .when(new AskProductUpdateQuestionCommand(UPDATE, "q-1", "Why?", Requester.member("stranger"), null))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsBlankQuestion() {
        fixture.given(posted())
                .when(new AskProductUpdateQuestionCommand(UPDATE, "q-1", "  ", Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsQuestionWithAnIdAlreadyTaken() {
        fixture.given(posted(), asked())
                .when(new AskProductUpdateQuestionCommand(UPDATE, "q-1", "Another?", Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void productManagerAnswersQuestion() {
        fixture.given(posted(), asked())
                .when(new AnswerProductUpdateQuestionCommand(UPDATE, "q-1", "A pricing change.", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectEvents(new ProductUpdateQuestionAnsweredEvent(UPDATE, TEAM, "q-1", "A pricing change.", PM));
    }

    @Test
    void answeringAgainReplacesTheAnswer() {
        fixture.given(posted(), asked(), new ProductUpdateQuestionAnsweredEvent(UPDATE, TEAM, "q-1", "Pricing.", PM))
                .when(new AnswerProductUpdateQuestionCommand(UPDATE, "q-1", "Pricing, and a bug.", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectEvents(new ProductUpdateQuestionAnsweredEvent(UPDATE, TEAM, "q-1", "Pricing, and a bug.", PM));
    }

    @Test
    void rejectsAnswerFromEngineer() {
        fixture.given(posted(), asked())
                .when(new AnswerProductUpdateQuestionCommand(UPDATE, "q-1", "I think pricing.", Requester.member(ENGINEER), MemberRole.ENGINEER))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAnswerToUnknownQuestion() {
        fixture.given(posted())
                .when(new AnswerProductUpdateQuestionCommand(UPDATE, "q-9", "Pricing.", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsBlankAnswer() {
        fixture.given(posted(), asked())
                .when(new AnswerProductUpdateQuestionCommand(UPDATE, "q-1", "", Requester.member(PM), MemberRole.PRODUCT_MANAGER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
