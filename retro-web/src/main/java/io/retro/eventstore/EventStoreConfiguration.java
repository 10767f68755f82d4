package io.retro.eventstore;

import com.mongodb.client.MongoDatabase;
import io.retro.projections.shared.BatchWritesInterceptor;
import io.retro.store.EmbeddedMongoServer;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on MongoDB: the event storage engine, the token store, and how event processors run. */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    static final String TRACKING_TOKENS = "tracking_tokens";

    @Bean
    SequencedMongoEventStorageEngine eventStorageEngine(
            MongoDatabase database,
            AppendDurability durability,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer serializer,
            org.axonframework.config.Configuration axonConfiguration) {
        return SequencedMongoEventStorageEngine.builder()
                .database(database)
                .durability(durability)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axonConfiguration.upcasterChain())
                .build();
    }

    /**
     * Pins Axon's unit-of-work transactions to none. The embedded server has no sessions or
     * transactions, and Axon's Spring Boot support would otherwise wrap every processor batch in a
     * Spring transaction as soon as any library brings a transaction manager bean along.
     */
    @Bean
    TransactionManager axonTransactionManager() {
        return NoTransactionManager.instance();
    }

    /**
     * Tokens and segment claims by single-document updates; no transactions, which the embedded
     * server lacks. On the embedded store the node is named after the store's file, which only one
     * process can open: a node restarted after a crash takes its segments back at once instead of
     * waiting for its own old claims to time out.
     */
    @Bean
    TokenStore tokenStore(MongoDatabase database, Serializer serializer, ObjectProvider<EmbeddedMongoServer> embedded,
            @Value("${retro.processors.claim-timeout:PT10S}") Duration claimTimeout) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder();
        embedded.ifAvailable(server -> builder.nodeId("retro@" + server.file()));
        return builder
                .transactionManager(NoTransactionManager.instance())
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(database)
                        .trackingTokensCollectionName(TRACKING_TOKENS)
                        .build())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean(destroyMethod = "close")
    StoredEventSource storedEventSource(SequencedMongoEventStorageEngine engine,
            @Value("${retro.processors.batch-size:100}") int batchSize,
            @Value("${retro.processors.poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${retro.processors.catch-up-patience:PT30S}") Duration catchUpPatience) {
        return new StoredEventSource(engine, batchSize, pollInterval, catchUpPatience);
    }

    /**
     * Every event handler runs in a pooled streaming processor: segments claimed through the token
     * store, events read from {@link StoredEventSource}, which wakes them as soon as events are stored.
     * A segment handles the events waiting for it together, up to the batch size, writes each
     * read-model document they change once ({@link BatchWritesInterceptor}) and stores its token
     * once; handlers are idempotent, so a batch cut short by a crash is safe to handle again. A lone
     * event is still handled at once.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(ObjectProvider<StoredEventSource> storedEvents,
            @Value("${retro.processors.batch-size:100}") int batchSize,
            @Value("${retro.processors.segments:4}") int segments) {
        // Looked up when the processors are built: the source needs the engine, which needs Axon's configuration.
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .messageSource(storedEvents.getObject())
                        .batchSize(batchSize)
                        .initialSegmentCount(segments))
                .registerDefaultHandlerInterceptor((config, processor) -> new BatchWritesInterceptor());
    }
}
