package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retro.api.productupdate.GoalProgress;
import io.retro.api.productupdate.Metric;
import io.retro.api.productupdate.ProductUpdateAcknowledgedEvent;
import io.retro.api.productupdate.ProductUpdatePostedEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAnsweredEvent;
import io.retro.api.productupdate.ProductUpdateQuestionAskedEvent;
import io.retro.api.retro.ActionItemAddedEvent;
import io.retro.api.retro.ActionItemStatus;
import io.retro.api.retro.ActionItemStatusChangedEvent;
import io.retro.api.retro.CarriedActionItem;
import io.retro.api.retro.CarriedActionItemReviewedEvent;
import io.retro.api.retro.CarryOverDecision;
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
import io.retro.api.retro.WorkMix;
import io.retro.api.retro.WorkMixRecordedEvent;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.BalanceTargetAgreedEvent;
import io.retro.api.team.MemberRole;
import io.retro.api.team.TeamCreatedEvent;
import io.retro.api.team.TeamMemberAddedEvent;
import io.retro.api.team.TeamMemberRoleChangedEvent;
import io.retro.api.techdebt.Impact;
import io.retro.api.techdebt.TechDebtProposedEvent;
import io.retro.api.techdebt.TechDebtStatus;
import io.retro.api.techdebt.TechDebtStatusChangedEvent;
import io.retro.api.techdebt.TechDebtVoteWithdrawnEvent;
import io.retro.api.techdebt.TechDebtVotedEvent;
import io.retro.support.RetroIntegrationTest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Stored events stay readable: {@code events/first-shapes.json} holds one stored document of every
 * event type in its first shape, exactly as the events collection keeps it, and the application's
 * own read path (its event serializer and upcaster chain) must turn each into the event below. A
 * change to an event's shape that comes without an upcaster fails here.
 */
class FirstShapesIT extends RetroIntegrationTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Autowired
    SequencedMongoEventStorageEngine engine;

    @Autowired
    Configuration axon;

    @Test
    void everyEventStoredInItsFirstShapeReadsAsTheCurrentEvent() throws Exception {
        Map<String, Object> expected = expectedFirstShapes();

        for (Document stored : storedFirstShapes()) {
            DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                            Stream.of(EventDocuments.toEntry(stored)), engine.getEventSerializer(), axon.upcasterChain())
                    .next();

            assertThat(read.getPayload()).as(stored.getString("payloadType")).isEqualTo(expected.get(stored.getString("payloadType")));
            assertThat(read.getAggregateIdentifier()).isEqualTo(stored.getString("aggregateIdentifier"));
            assertThat(read.getSequenceNumber()).isEqualTo(stored.get("sequenceNumber", Number.class).longValue());
            assertThat(read.getTimestamp()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @Test
    void everyEventTypeHasItsFirstShapeOnRecord() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Event")));
        List<String> eventTypes = scanner.findCandidateComponents("io.retro.api").stream().map(bean -> bean.getBeanClassName()).toList();

        assertThat(eventTypes).isNotEmpty();
        assertThat(storedFirstShapes().stream().map(stored -> stored.getString("payloadType")))
                .containsExactlyInAnyOrderElementsOf(eventTypes);
    }

    private static List<Document> storedFirstShapes() throws Exception {
        try (InputStream json = FirstShapesIT.class.getResourceAsStream("/events/first-shapes.json")) {
            List<Map<String, Object>> entries = new ObjectMapper().readValue(json, new TypeReference<>() {});
            return entries.stream().map(Document::new).toList();
        }
    }

    private static Map<String, Object> expectedFirstShapes() {
        Map<String, Object> events = new LinkedHashMap<>();
        put(events, new TeamCreatedEvent("team-1", "Payments", "user-lead"));
        put(events, new TeamMemberAddedEvent("team-1", "user-eve", MemberRole.ENGINEER, "user-lead"));
        put(events, new TeamMemberRoleChangedEvent("team-1", "user-eve", MemberRole.FACILITATOR, "user-lead"));
        put(events, new BalanceTargetAgreedEvent("team-1", new BigDecimal("0.2"), new BigDecimal("0.4"), "Pay down the deploy debt",
                JAN_1, "user-lead"));
        put(events, new RetroStartedEvent("retro-1", "team-1", "Sprint 1", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 16),
                RetroTemplate.MAD_SAD_GLAD, 3,
                List.of(new CarriedActionItem("retro-0", "action-0", "Fix the flaky test", "user-eve", LocalDate.of(2026, 1, 9))),
                "user-lead"));
        put(events, new RetroItemAddedEvent("retro-1", "item-1", "SAD", "Deploys fail", WorkCategory.TECH_DEBT, null, "c2VhbA=="));
        put(events, new RetroItemEditedEvent("retro-1", "item-1", "Deploys fail weekly", WorkCategory.MAINTENANCE));
        put(events, new RetroItemsGroupedEvent("retro-1", "group-1", "Delivery", List.of("item-1", "item-2"), "user-lead"));
        put(events, new RetroPhaseChangedEvent("retro-1", "team-1", RetroPhase.VOTE, "user-lead"));
        put(events, new RetroVoteCastEvent("retro-1", "item-1", "user-eve"));
        put(events, new RetroVoteWithdrawnEvent("retro-1", "item-1", "user-eve"));
        put(events, new RetroItemDeletedEvent("retro-1", "item-2"));
        put(events, new ActionItemAddedEvent("retro-1", "team-1", "action-1", "Automate the rollback", "user-eve",
                LocalDate.of(2026, 1, 30), "user-lead"));
        put(events, new ActionItemStatusChangedEvent("retro-1", "team-1", "action-1", ActionItemStatus.DONE, "user-eve"));
        put(events, new CarriedActionItemReviewedEvent("retro-1", "team-1", "retro-0", "action-0", CarryOverDecision.KEEP, "user-lead"));
        put(events, new WorkMixRecordedEvent("retro-1", "team-1", new WorkMix(WorkMixUnit.POINTS, new BigDecimal("8"), new BigDecimal("1"),
                new BigDecimal("2"), new BigDecimal("0.5"), new BigDecimal("1")), "user-lead"));
        put(events, new ProductUpdatePostedEvent("update-1", "team-1", "January", "Churn is **down**.",
                List.of(new Metric("Weekly active users", new BigDecimal("1200"), "users", new BigDecimal("8"))),
                List.of("Checkout is faster"), List.of(new GoalProgress("Self-serve onboarding", new BigDecimal("60"))), "user-pat"));
        put(events, new ProductUpdateAcknowledgedEvent("update-1", "team-1", "user-eve"));
        put(events, new ProductUpdateQuestionAskedEvent("update-1", "team-1", "question-1", "Why did churn fall?", "user-eve"));
        put(events, new ProductUpdateQuestionAnsweredEvent("update-1", "team-1", "question-1", "The new pricing page.", "user-pat"));
        put(events, new TechDebtProposedEvent("debt-1", "team-1", "Replace the deploy script", "It fails one time in five", "delivery",
                "3 days", Impact.HIGH, "user-eve"));
        put(events, new TechDebtVotedEvent("debt-1", "team-1", "user-pat", MemberRole.PRODUCT_MANAGER));
        put(events, new TechDebtVoteWithdrawnEvent("debt-1", "team-1", "user-pat", MemberRole.PRODUCT_MANAGER));
        put(events, new TechDebtStatusChangedEvent("debt-1", "team-1", TechDebtStatus.PROPOSED, TechDebtStatus.ACCEPTED, "Next sprint",
                "user-lead"));
        return events;
    }

    private static void put(Map<String, Object> events, Object event) {
        events.put(event.getClass().getName(), event);
    }
}
