package io.retro.eventstore;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Whether a processor is replaying, judged by its tokens. The pooled processor's own replay flag
 * can stay set on segments that saw no event after the replay ended, so it is not relied on.
 */
public final class Replays {

    private Replays() {}

    public static boolean replaying(EventTrackerStatus segment) {
        return segment.getTrackingToken() != null
                && WrappedToken.unwrap(segment.getTrackingToken(), ReplayToken.class).isPresent();
    }

    public static boolean replaying(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(Replays::replaying);
    }
}
