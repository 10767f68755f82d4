package io.retro.eventstore;

import java.util.Optional;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Whether a processor is replaying, judged by its tokens. The pooled processor's own replay flag
 * can stay set on segments that saw no event after the replay ended, so it is not relied on.
 */
public final class Replays {

    private Replays() {}

    public static boolean replaying(EventTrackerStatus segment) {
        return replaying(segment.getTrackingToken());
    }

    /**
     * A replay token turns back into a plain one only at the first event past where its segment
     * stood at the reset; one that has got there, with no event since, is done replaying.
     */
    public static boolean replaying(TrackingToken token) {
        Optional<ReplayToken> replay = token == null ? Optional.empty() : WrappedToken.unwrap(token, ReplayToken.class);
        return replay.isPresent() && (replay.get().getCurrentToken() == null
                || !replay.get().getCurrentToken().covers(WrappedToken.unwrapUpperBound(replay.get().getTokenAtReset())));
    }

    public static boolean replaying(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(Replays::replaying);
    }
}
