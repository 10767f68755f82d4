package io.retro.command.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commands reach the aggregates: retried after a collision with another node, and aggregates kept in memory between commands. */
@Configuration(proxyBeanMethods = false)
public class CommandHandlingConfiguration {

    /*
     * Aggregates stay loaded between commands instead of being replayed from their events each
     * time; a busy retro holds hundreds. Another node may have appended meanwhile: the stale copy's
     * append then collides, Axon drops it from the cache, and ConcurrentAppendRetry sends the
     * command again. Each type keeps the aggregates used most recently, up to
     * retro.commands.cached-aggregates; one cache per type, so that an id of one type sent to
     * another finds nothing rather than the wrong class.
     */

    @Bean
    Cache retroCache(@Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return new RecentAggregates(cachedAggregates);
    }

    @Bean
    Cache teamCache(@Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return new RecentAggregates(cachedAggregates);
    }

    @Bean
    Cache techDebtItemCache(@Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return new RecentAggregates(cachedAggregates);
    }

    @Bean
    Cache productUpdateCache(@Value("${retro.commands.cached-aggregates:256}") int cachedAggregates) {
        return new RecentAggregates(cachedAggregates);
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
