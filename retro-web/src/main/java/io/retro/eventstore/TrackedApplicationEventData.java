package io.retro.eventstore;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

/**
 * A tracked event that was published outside any aggregate. It is stored like a one-event stream of
 * its own, but must not come back as a domain event: Axon decides by the type of the entry.
 */
final class TrackedApplicationEventData implements TrackedEventData<String> {

    private final TrackingToken token;
    private final DomainEventData<String> stored;

    TrackedApplicationEventData(TrackingToken token, DomainEventData<String> stored) {
        this.token = token;
        this.stored = stored;
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getEventIdentifier() {
        return stored.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        return stored.getTimestamp();
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return stored.getMetaData();
    }

    @Override
    public SerializedObject<String> getPayload() {
        return stored.getPayload();
    }
}
