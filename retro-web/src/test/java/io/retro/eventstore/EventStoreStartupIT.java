package io.retro.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The service started on the embedded server, which has no sessions or transactions: nothing in it
 * asks for a transaction, and the processors claimed their segments in the Mongo token store.
 */
class EventStoreStartupIT extends RetroIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Test
    void runsOnTheEmbeddedServerWithoutTransactionsAndWithClaimedSegments() throws Exception {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(SequencedMongoEventStorageEngine.class);
        assertThat(context.getBean(AppendDurability.class)).as("durable appends on the embedded store").isInstanceOf(GroupCommit.class);
        assertThat(axon.getComponent(TransactionManager.class)).isInstanceOf(NoTransactionManager.class);
        TokenStore tokenStore = context.getBean(TokenStore.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);

        newUser("Startup Check");

        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        var processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        assertThat(processors).isNotEmpty();
        for (StreamingEventProcessor processor : processors) {
            assertThat(RecordingProcessor.await(() -> !processor.processingStatus().isEmpty(), Duration.ofSeconds(10)))
                    .as("processor %s claimed a segment", processor.getName())
                    .isTrue();
            assertThat(tokenStore.fetchSegments(processor.getName())).as("segments of %s in the token store", processor.getName())
                    .isNotEmpty();
        }
    }
}
