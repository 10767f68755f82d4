package io.retro.command.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentAggregatesTest {

    @Test
    void keepsTheMostRecentlyUsedUpToItsCapacity() {
        RecentAggregates cache = new RecentAggregates(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void removesWhatAFailedCommandLeftBehind() {
        RecentAggregates cache = new RecentAggregates(2);
        cache.put("a", 1);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isNull();
        assertThat(cache.putIfAbsent("a", 2)).isTrue();
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
    }
}
