package io.retro.web.admin;

import io.retro.eventstore.Replays;
import io.retro.eventstore.StoredEventSource;
import io.retro.projections.shared.BatchWrites;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Replays the history into a read model being rebuilt, in place of its processor, which is stopped
 * meanwhile. Its tokens have just been reset; the pass hands every event to the processor's handlers
 * in order, in chunks of thousands, each changed document written once per chunk, and stores the
 * tokens after each chunk as the processor would have. Once it has passed where the read model stood
 * when the rebuild began and has read up to the last event stored, it ends, and the processor is
 * started again to go on from there.
 *
 * <p>The processor does the same work, but for each event in each of its segments, in batches of a
 * hundred, behind a coordinator that counts every segment's queue for each event it hands out. The
 * pass leaves all of that out.
 *
 * <p>Nothing depends on the pass finishing: if it fails, or the node stops or dies, the processor
 * (here or on another node, once the claims time out) finds the tokens of the last chunk and goes on
 * with the replay from there. Handlers are idempotent, so a chunk handled twice does no harm.
 */
final class RebuildPass implements Runnable {

    /** Events read between two stored tokens, at most: more documents changed per write, more to hold in memory. */
    static final int CHUNK = 5_000;
    /** How long a chunk gathers events, at most: storing the tokens also keeps the claims on them. */
    private static final long CHUNK_NANOS = Duration.ofSeconds(2).toNanos();
    /** How long the pass waits for a chunk's first event before it looks whether it has reached the last one stored. */
    private static final int CAUGHT_UP_MILLIS = 500;

    private final String name;
    private final EventHandlerInvoker handlers;
    private final TokenStore tokenStore;
    private final StoredEventSource events;
    private final int chunk;
    private final Runnable whenDone;
    /** The pass holds every segment's claim, and the read model's new generation starts empty. */
    private final BatchWrites.OnlyWriter writer = new BatchWrites.OnlyWriter();
    /**
     * The handlers that take events of a payload type in a replay. Axon's invoker of several asks
     * each of them for each event whether it supports a replay and can handle the event; the answers
     * do not change from one event to the next, and each handler's own handling checks the event anyway.
     */
    private final Map<Class<?>, List<EventHandlerInvoker>> handlersByType = new HashMap<>();
    private volatile long position;
    private volatile boolean stopping;

    /**
     * @param chunk how many events to read between two stored tokens, at most
     * @param whenDone called when the pass ends, whichever way, once the claims are released
     */
    RebuildPass(String name, EventHandlerInvoker handlers, TokenStore tokenStore, StoredEventSource events, int chunk,
            Runnable whenDone) {
        this.name = name;
        this.handlers = handlers;
        this.tokenStore = tokenStore;
        this.events = events;
        this.chunk = chunk;
        this.whenDone = whenDone;
    }

    /** The number of the last event the pass has handled and stored the tokens for. */
    long position() {
        return position;
    }

    /** Ends the pass after the chunk it is handling. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        // Named for the read model while it replays, so that a thread dump or profile tells the passes apart.
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("rebuild-" + name);
        int[] segments = {};
        try {
            segments = tokenStore.fetchSegments(name);
            TrackingToken[] tokens = new TrackingToken[segments.length];
            for (int i = 0; i < segments.length; i++) {
                tokens[i] = tokenStore.fetchToken(name, segments[i]);
            }
            replay(segments, tokens);
        } catch (Exception e) {
            Rebuilds.log.warn("Rebuilding read model {} in one pass failed at event {}; its processor goes on from there", name,
                    position, e);
        } finally {
            for (int segment : segments) {
                releaseQuietly(segment);
            }
            thread.setName(threadName);
            whenDone.run();
        }
    }

    private void replay(int[] segments, TrackingToken[] tokens) throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start(tokens))) {
            while (!stopping) {
                TrackingToken last = handleChunk(stream);
                if (last != null) {
                    for (int i = 0; i < segments.length; i++) {
                        tokens[i] = tokens[i] instanceof WrappedToken replay ? replay.advancedTo(last) : last;
                        tokenStore.storeToken(tokens[i], name, segments[i]);
                    }
                    position = positionOf(last);
                }
                // No events for a moment is no end: a reader far ahead is held back for the others.
                if (caughtUp(tokens) && position >= positionOf(events.createHeadToken())) {
                    for (int i = 0; i < segments.length; i++) {
                        tokenStore.storeToken(WrappedToken.unwrapLowerBound(tokens[i]), name, segments[i]);
                    }
                    return;
                }
            }
        }
    }

    /**
     * Handles the events of the next chunk as they come, all within one unit of work, so that each
     * document the chunk changes is read and written once. Returns the token of the last event read,
     * which may be one the handlers do not take, or null if none came.
     */
    private TrackingToken handleChunk(BlockingStream<TrackedEventMessage<?>> stream) throws Exception {
        if (!stream.hasNextAvailable(CAUGHT_UP_MILLIS, TimeUnit.MILLISECONDS)) {
            return null;
        }
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(stream.peek().orElseThrow());
        TrackingToken last = null;
        try {
            BatchWrites writes = writer.begin(unitOfWork);
            long deadline = System.nanoTime() + CHUNK_NANOS;
            // A reader far ahead is held back for the others for a moment: the chunk waits for it
            // rather than ending, so that the tokens are not stored for every few events.
            for (int read = 0; read < chunk && stream.hasNextAvailable(millisUntil(deadline), TimeUnit.MILLISECONDS); read++) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                last = event.trackingToken();
                List<EventHandlerInvoker> taking = handlersByType.computeIfAbsent(event.getPayloadType(), this::handlersTaking);
                if (taking.isEmpty()) {
                    stream.skipMessagesWithPayloadTypeOf(event);
                }
                for (EventHandlerInvoker handler : taking) {
                    handler.handle(event, Segment.ROOT_SEGMENT);
                }
            }
            writes.flush();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
        return last;
    }

    private List<EventHandlerInvoker> handlersTaking(Class<?> payloadType) {
        List<EventHandlerInvoker> each = handlers instanceof MultiEventHandlerInvoker several ? several.delegates() : List.of(handlers);
        return each.stream().filter(handler -> handler.supportsReset() && handler.canHandleType(payloadType)).toList();
    }

    /** Where the replay starts: the earliest of the segments' positions, just after the reset the tail. */
    private static TrackingToken start(TrackingToken[] tokens) {
        TrackingToken start = null;
        for (int i = 0; i < tokens.length; i++) {
            TrackingToken position = WrappedToken.unwrapLowerBound(tokens[i]);
            if (position == null) {
                return null;
            }
            start = i == 0 ? position : start.lowerBound(position);
        }
        return start;
    }

    /**
     * Every segment has got at least to where it stood at the reset. With no event stored since,
     * its token would stay a replay token, so the caller stores the plain position instead.
     */
    private static boolean caughtUp(TrackingToken[] tokens) {
        return Arrays.stream(tokens).noneMatch(Replays::replaying);
    }

    private static int millisUntil(long deadlineNanos) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static long positionOf(TrackingToken token) {
        return token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : 0;
    }

    private void releaseQuietly(int segment) {
        try {
            tokenStore.releaseClaim(name, segment);
        } catch (RuntimeException e) {
            Rebuilds.log.debug("Releasing segment {} of {} failed; its claim times out instead", segment, name, e);
        }
    }
}
