package io.retro.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.eventstore.StoredEventSource;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelContents;
import io.retro.projections.shared.ReadModels;
import io.retro.support.RetroIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one-pass replay of a rebuild, driven by hand: where it leaves the tokens, and what a failure leaves behind. */
class RebuildPassIT extends RetroIntegrationTest {

    private static final String TEAMS = "teams";

    @Autowired
    ReadModels readModels;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    StoredEventSource events;

    @Test
    void aPassLeavesPlainTokensAtTheHeadForTheProcessorToGoOnFrom() throws InterruptedException {
        Map<String, Map<String, String>> before = liveTeamsAfterNewTeams("Passed");
        PooledStreamingEventProcessor processor = resetTeams();

        try {
            new RebuildPass(TEAMS, processor.eventHandlerInvoker(), tokenStore, events, 3, () -> {}).run();

            List<TrackingToken> tokens = storedTokens();
            assertThat(tokens).allSatisfy(token -> {
                assertThat(token).isNotInstanceOf(ReplayToken.class);
                assertThat(((GapAwareTrackingToken) token).getIndex()).isEqualTo(highest(tokens));
            });
        } finally {
            processor.start();
        }
        awaitRebuilt(readModels.named(TEAMS).orElseThrow());
        assertThat(ReadModelContents.of(readModels.named(TEAMS).orElseThrow())).isEqualTo(before);
    }

    @Test
    void aPassThatFailsLeavesItsProgressToTheProcessorAndLosesNothing() throws InterruptedException {
        Map<String, Map<String, String>> before = liveTeamsAfterNewTeams("Interrupted");
        PooledStreamingEventProcessor processor = resetTeams();
        EventHandlerInvoker failingOnTheFifth = new FailingOn(5, processor.eventHandlerInvoker());

        try {
            new RebuildPass(TEAMS, failingOnTheFifth, tokenStore, events, 2, () -> {}).run();

            List<TrackingToken> tokens = storedTokens();
            assertThat(tokens).as("past the start").allSatisfy(token -> assertThat(WrappedToken.unwrapLowerBound(token)).isNotNull());
            assertThat(tokens).as("not yet past where the segments stood at the reset").anySatisfy(token ->
                    assertThat(token).isInstanceOf(ReplayToken.class));
        } finally {
            processor.start();
        }
        ReadModel teams = readModels.named(TEAMS).orElseThrow();
        awaitRebuilt(teams);
        assertThat(ReadModelContents.of(teams)).isEqualTo(before);
    }

    @Test
    void aPassAsksEachHandlerOnceForEachPayloadTypeWhetherItTakesItAndNeverForEachEvent() throws InterruptedException {
        Map<String, Map<String, String>> before = liveTeamsAfterNewTeams("Asked");
        PooledStreamingEventProcessor processor = resetTeams();
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        List<Asked> asked = (invoker instanceof MultiEventHandlerInvoker several ? several.delegates() : List.of(invoker))
                .stream().map(Asked::new).toList();

        try {
            new RebuildPass(TEAMS, new MultiEventHandlerInvoker(List.copyOf(asked)), tokenStore, events, 3, () -> {}).run();
        } finally {
            processor.start();
        }

        assertThat(asked).allSatisfy(handler -> {
            assertThat(handler.types()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(handler.events()).as("events asked about one by one").hasValue(0);
        });
        ReadModel teams = readModels.named(TEAMS).orElseThrow();
        awaitRebuilt(teams);
        assertThat(ReadModelContents.of(teams)).isEqualTo(before);
    }

    private Map<String, Map<String, String>> liveTeamsAfterNewTeams(String prefix) {
        String alice = newUser("Alice");
        String last = null;
        for (int i = 0; i < 6; i++) {
            last = newTeam(alice, prefix + " " + i);
        }
        // A read waits for the read models to catch up; the snapshot must see every team.
        as(alice).get().uri("/api/v1/teams/{id}", last).exchange().expectStatus().isOk();
        return ReadModelContents.of(readModels.named(TEAMS).orElseThrow());
    }

    /** As a rebuild begins: the processor stopped, its tokens reset, a new generation started. */
    private PooledStreamingEventProcessor resetTeams() {
        PooledStreamingEventProcessor processor = processing.eventProcessor(TEAMS, PooledStreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        return processor;
    }

    private List<TrackingToken> storedTokens() {
        List<TrackingToken> tokens = new ArrayList<>();
        for (int segment : tokenStore.fetchSegments(TEAMS)) {
            tokens.add(tokenStore.fetchToken(TEAMS, segment));
            tokenStore.releaseClaim(TEAMS, segment);
        }
        return tokens;
    }

    private static long highest(List<TrackingToken> tokens) {
        return tokens.stream().mapToLong(token -> ((GapAwareTrackingToken) token).getIndex()).max().orElseThrow();
    }

    private static void awaitRebuilt(ReadModel readModel) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (readModel.rebuilding() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(readModel.rebuilding()).as("rebuild of " + readModel.name() + " finished").isFalse();
    }

    /** The processor's handlers, noting what they are asked whether they can handle. */
    private record Asked(EventHandlerInvoker delegate, List<Class<?>> types, AtomicInteger events) implements EventHandlerInvoker {

        Asked(EventHandlerInvoker delegate) {
            this(delegate, new CopyOnWriteArrayList<>(), new AtomicInteger());
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            events.incrementAndGet();
            return delegate.canHandle(eventMessage, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            types.add(payloadType);
            return delegate.canHandleType(payloadType);
        }

        @Override
        public boolean supportsReset() {
            return delegate.supportsReset();
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            delegate.handle(message, segment);
        }
    }

    /** The processor's handlers, but the n-th event handed to them fails. */
    private record FailingOn(int n, EventHandlerInvoker delegate, AtomicInteger handled) implements EventHandlerInvoker {

        FailingOn(int n, EventHandlerInvoker delegate) {
            this(n, delegate, new AtomicInteger());
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return delegate.canHandle(eventMessage, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return delegate.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            if (handled.incrementAndGet() == n) {
                throw new IllegalStateException("Handler failed on event " + n);
            }
            delegate.handle(message, segment);
        }
    }
}
