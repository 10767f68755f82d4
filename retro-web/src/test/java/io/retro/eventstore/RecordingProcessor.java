package io.retro.eventstore;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * A pooled streaming processor over an engine, as the application runs them (events from
 * {@link StoredEventSource}, tokens and segment claims in {@link MongoTokenStore}, no transaction
 * manager), that records what it handles.
 */
final class RecordingProcessor implements AutoCloseable {

    static final String NAME = "recording";

    private final StoredEventSource eventSource;
    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private final Map<String, AtomicInteger> timesHandled = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> sequencesByAggregate = new ConcurrentHashMap<>();
    private final AtomicInteger handled = new AtomicInteger();

    RecordingProcessor(SequencedMongoEventStorageEngine engine, MongoDatabase database, int segments) {
        this(engine, database, segments, Duration.ofSeconds(10));
    }

    RecordingProcessor(SequencedMongoEventStorageEngine engine, MongoDatabase database, int segments, Duration claimTimeout) {
        this.eventSource = new StoredEventSource(engine, 100, Duration.ofMillis(500), Duration.ofSeconds(30));
        EventMessageHandler recorder = this::record;
        this.processor = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder).build())
                .messageSource(eventSource)
                .tokenStore(tokenStore(database, claimTimeout))
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .tokenClaimInterval(200)
                .batchSize(100)
                .build();
    }

    static TokenStore tokenStore(MongoDatabase database, Duration claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(database)
                        .trackingTokensCollectionName("tracking_tokens")
                        .build())
                .serializer(JacksonSerializer.defaultSerializer())
                .claimTimeout(claimTimeout)
                .build();
    }

    private Object record(EventMessage<?> event) {
        timesHandled.computeIfAbsent(event.getIdentifier(), id -> new AtomicInteger()).incrementAndGet();
        if (event instanceof DomainEventMessage<?> domainEvent) {
            sequencesByAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new CopyOnWriteArrayList<>())
                    .add(domainEvent.getSequenceNumber());
        }
        handled.incrementAndGet();
        return null;
    }

    RecordingProcessor start() {
        processor.start();
        return this;
    }

    int handledCount() {
        return handled.get();
    }

    Map<String, AtomicInteger> timesHandled() {
        return timesHandled;
    }

    Map<String, List<Long>> sequencesByAggregate() {
        return sequencesByAggregate;
    }

    /** Waits until the condition holds or the time is up; says which. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        processor.shutDown();
        eventSource.close();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }
}
