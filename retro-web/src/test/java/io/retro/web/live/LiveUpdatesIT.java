package io.retro.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.retro.support.RetroIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;

class LiveUpdatesIT extends RetroIntegrationTest {

    @Autowired
    LiveUpdates liveUpdates;

    @Test
    void aCommandReachesSubscribersOfItsAggregateOnly() throws InterruptedException {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String watched = newTeam(alice, "Watched");
        String other = newTeam(alice, "Other");
        List<LiveChange> seen = new CopyOnWriteArrayList<>();
        Disposable subscription = liveUpdates.of(watched).subscribe(seen::add);
        try {
            addMember(alice, other, bob, "ENGINEER");
            addMember(alice, watched, bob, "ENGINEER");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            subscription.dispose();
        }
        assertThat(seen).extracting(LiveChange::type).containsExactly("TeamMemberAddedEvent");
        assertThat(seen).extracting(LiveChange::aggregateId).containsOnly(watched);
    }
}
