package io.retro.eventstore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/** The shape of a stored event or snapshot: readable JSON payload and metadata, one document each. */
final class EventDocuments {

    /** Fixed width, so that stored timestamps sort as text in time order. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * The aggregate identifier and sequence number as one value, under a unique index of its own.
     * The embedded server answers a query from a unique index only when it names every key of the
     * index by equality or {@code $in}; for the compound (aggregateIdentifier, sequenceNumber) index
     * an {@code $in} on the sequence number is not enough and it scans the whole collection. One key
     * makes an aggregate load a lookup on both stores.
     */
    static final String STREAM_KEY = "streamKey";

    private EventDocuments() {}

    /** Unambiguous, since the sequence number after the last separator holds no separator. */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    static Document toDocument(Long globalSequence, EventMessage<?> message, Serializer serializer) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        Document document = new Document();
        if (globalSequence != null) {
            document.put("_id", globalSequence);
        }
        if (message instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            document.put("aggregateType", domainEvent.getType());
            document.put("aggregateIdentifier", domainEvent.getAggregateIdentifier());
            document.put("sequenceNumber", domainEvent.getSequenceNumber());
            document.put(STREAM_KEY, streamKey(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber()));
        } else {
            // Events outside an aggregate get a stream of their own, so that the unique
            // (aggregateIdentifier, sequenceNumber) index holds for them too.
            document.put("aggregateType", null);
            document.put("aggregateIdentifier", message.getIdentifier());
            document.put("sequenceNumber", 0L);
            document.put(STREAM_KEY, streamKey(message.getIdentifier(), 0L));
        }
        document.put("eventIdentifier", message.getIdentifier());
        document.put("timestamp", formatTimestamp(message.getTimestamp()));
        document.put("payloadType", payload.getType().getName());
        document.put("payloadRevision", payload.getType().getRevision());
        document.put("payload", payload.getData());
        document.put("metaData", metaData.getData());
        return document;
    }

    static DomainEventData<String> toEntry(Document document) {
        return new GenericDomainEventEntry<>(
                document.getString("aggregateType"),
                document.getString("aggregateIdentifier"),
                document.get("sequenceNumber", Number.class).longValue(),
                document.getString("eventIdentifier"),
                document.getString("timestamp"),
                document.getString("payloadType"),
                document.getString("payloadRevision"),
                document.getString("payload"),
                document.getString("metaData"));
    }

    static String formatTimestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
