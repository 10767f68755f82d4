package io.retro.command.shared;

import io.retro.store.StoreProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commands reach the aggregates: retried after a collision with another node, and on a single node kept in memory between commands. */
@Configuration(proxyBeanMethods = false)
public class CommandHandlingConfiguration {

    @Bean
    Cache retroCache(StoreProperties store, @Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return aggregateCache(store, cachedAggregates);
    }

    @Bean
    Cache teamCache(StoreProperties store, @Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return aggregateCache(store, cachedAggregates);
    }

    @Bean
    Cache techDebtItemCache(StoreProperties store, @Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return aggregateCache(store, cachedAggregates);
    }

    @Bean
    Cache productUpdateCache(StoreProperties store, @Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return aggregateCache(store, cachedAggregates);
    }

    /**
     * Aggregates stay loaded between commands, instead of being replayed from their events each
     * time, only where no other node can change them: on the embedded store at a port nobody was
     * given, the single-node default. A copy cached on one node does not see another node's
     * change; a command it rejects would be rejected on stale state, and no collision would tell.
     * Elsewhere every command loads its aggregate from the store. One cache per aggregate type, so
     * that an id of one type sent to another finds nothing rather than the wrong class.
     */
    static Cache aggregateCache(StoreProperties store, int capacity) {
        boolean onlyNode = store.embedded() && store.embeddedPort() == 0;
        return onlyNode && capacity > 0 ? new RecentAggregates(capacity) : NoCache.INSTANCE;
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries,
            @Value("${retro.commands.max-retries:5}") int maxRetries,
            @Value("${retro.commands.retry-interval:PT0.02S}") Duration retryInterval) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrentAppendRetry(commandRetries, maxRetries, retryInterval))
                .build();
    }
}
