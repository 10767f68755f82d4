package io.retro.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

/**
 * One stored event as the readers of one engine share it: taken from its document once, and
 * upcast into the events it stands for once, whose payloads are deserialized once, when a reader
 * first asks for them. When every read model is rebuilt, seven readers hand on each event; each
 * converting and deserializing it again was a third of their work.
 *
 * <p>A stored event never changes, and neither does what it converts into, so any reader's
 * conversion is as good as another's: two readers converting at once is harmless.
 */
final class StoredEvent {

    private final long number;
    private final DomainEventData<String> entry;
    private volatile List<TrackedEventMessage<?>> converted;

    StoredEvent(long number, DomainEventData<String> entry) {
        this.number = number;
        this.entry = entry;
    }

    static StoredEvent of(Document document) {
        return new StoredEvent(document.get("_id", Number.class).longValue(), EventDocuments.toEntry(document));
    }

    long number() {
        return number;
    }

    /** This event at its place in one reader's stream. */
    Tracked at(TrackingToken token) {
        return new Tracked(token, this);
    }

    /**
     * The events this one stands for, placed at {@code token}: most often one, none or several
     * once an upcaster has split or dropped it. Upcasters see each stored event on its own.
     */
    private Stream<TrackedEventMessage<?>> messages(TrackingToken token, Serializer serializer, EventUpcaster upcasters) {
        return converted(token, serializer, upcasters).stream().map(message -> placed(token, message));
    }

    /**
     * The events this one stands for, shared by every reader: at the place of the reader that
     * converted them, so each reader places them at its own.
     */
    private List<TrackedEventMessage<?>> converted(TrackingToken token, Serializer serializer, EventUpcaster upcasters) {
        List<TrackedEventMessage<?>> messages = converted;
        if (messages == null) {
            messages = EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(asData(token)), serializer, upcasters).toList();
            converted = messages;
        }
        return messages;
    }

    /**
     * The shared message at one reader's place. Axon's {@code withTrackingToken} would read the
     * timestamp at once, which parses it; most handlers never ask for it.
     */
    private static TrackedEventMessage<?> placed(TrackingToken token, TrackedEventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domainEvent
                ? new GenericTrackedDomainEventMessage<>(token, domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                        domainEvent.getSequenceNumber(), message, message::getTimestamp)
                : new GenericTrackedEventMessage<>(token, message, message::getTimestamp);
    }

    /** Axon tells a domain event from one published outside any aggregate by the type of its data. */
    private TrackedEventData<String> asData(TrackingToken token) {
        return entry.getType() == null ? new TrackedApplicationEventData(token, entry) : new TrackedDomainEventData<>(token, entry);
    }

    /** A stored event as one reader reads it: where it stands in that reader's stream. */
    record Tracked(TrackingToken trackingToken, StoredEvent event) implements TrackedEventData<String> {

        Stream<TrackedEventMessage<?>> messages(Serializer serializer, EventUpcaster upcasters) {
            return event.messages(trackingToken, serializer, upcasters);
        }

        /** The events this one stands for, shared by every reader; {@link #placed} puts one at this reader's place. */
        List<TrackedEventMessage<?>> converted(Serializer serializer, EventUpcaster upcasters) {
            return event.converted(trackingToken, serializer, upcasters);
        }

        TrackedEventMessage<?> placed(TrackedEventMessage<?> converted) {
            return StoredEvent.placed(trackingToken, converted);
        }

        @Override
        public String getEventIdentifier() {
            return event.entry.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return event.entry.getTimestamp();
        }

        @Override
        public SerializedObject<String> getMetaData() {
            return event.entry.getMetaData();
        }

        @Override
        public SerializedObject<String> getPayload() {
            return event.entry.getPayload();
        }
    }
}
