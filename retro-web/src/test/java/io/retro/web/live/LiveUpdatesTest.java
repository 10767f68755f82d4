package io.retro.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

class LiveUpdatesTest {

    @Test
    void aPageStreamOpensWithAComment_andEndsWhenTheNodeStops() throws InterruptedException {
        LiveUpdates liveUpdates = new LiveUpdates(mock(EventStore.class));
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);

        Disposable subscription = liveUpdates.pageStream(Flux.<ServerSentEvent<String>>never())
                .subscribe(received::add, error -> {}, completed::countDown);
        try {
            assertThat(received).extracting(ServerSentEvent::comment).containsExactly("connected");
            assertThat(completed.await(200, TimeUnit.MILLISECONDS)).as("open while the node runs").isFalse();

            liveUpdates.stop();

            assertThat(completed.await(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)).as("ended by the stop").isTrue();
        } finally {
            subscription.dispose();
        }
    }
}
