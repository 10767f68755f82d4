package io.retro.command.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.store.StoreProperties;
import java.nio.file.Path;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.Test;

class CommandHandlingConfigurationTest {

    @Test
    void cachesAggregatesOnlyWhereNoOtherNodeCanReachTheStore() {
        assertThat(CommandHandlingConfiguration.aggregateCache(store(null, 0), 16))
                .as("embedded store on a port nobody was given").isInstanceOf(RecentAggregates.class);
        assertThat(CommandHandlingConfiguration.aggregateCache(store(null, 27018), 16))
                .as("embedded store shared through a known port").isSameAs(NoCache.INSTANCE);
        assertThat(CommandHandlingConfiguration.aggregateCache(store("mongodb://db1,db2/retro", 0), 16))
                .as("a real MongoDB, which other nodes use").isSameAs(NoCache.INSTANCE);
        assertThat(CommandHandlingConfiguration.aggregateCache(store(null, 0), 0))
                .as("caching switched off").isSameAs(NoCache.INSTANCE);
    }

    private static StoreProperties store(String uri, int embeddedPort) {
        return new StoreProperties(uri, Path.of("data"), embeddedPort, null, null);
    }
}
