package io.retro.web.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.Disposable;

/**
 * Measures, and prints, how long after an item's POST response the change reaches the other
 * clients' streams, with 20 streams open. It checks that every change arrives on every stream but
 * asserts nothing about time: the figures depend on the machine.
 */
class BoardLatencyBenchmarkIT extends RetroApiSupport {

    private static final int STREAMS = 20;
    private static final int ITEMS = 100;

    @Test
    void measuresTheTimeFromAnItemsResponseToItsArrivalOnOtherStreams() throws InterruptedException {
        String alice = newUser("Alice");
        String bob = newUser("Bob");
        String teamId = newTeam(alice, "Latency");
        addMember(alice, teamId, bob, "ENGINEER");
        String retroId = startRetro(alice, teamId, 3);

        Map<Integer, List<Long>> arrivals = new ConcurrentHashMap<>();
        List<Disposable> streams = new ArrayList<>();
        List<Integer> connected = new CopyOnWriteArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            int stream = s;
            List<Long> times = new CopyOnWriteArrayList<>();
            arrivals.put(stream, times);
            streams.add(streaming(bob).mutate().responseTimeout(Duration.ofMinutes(5)).build()
                    .get().uri("/api/v1/retros/{id}/stream", retroId)
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .returnResult(SSE).getResponseBody()
                    .subscribe(event -> {
                        if (event.comment() != null && event.event() == null) {
                            connected.add(stream);
                        } else if (event.data() != null && event.data().contains("RetroItemAddedEvent")) {
                            times.add(System.nanoTime());
                        }
                    }));
        }
        List<Long> responses = new ArrayList<>();
        try {
            waitFor(() -> connected.size() >= STREAMS);
            for (int i = 0; i < ITEMS; i++) {
                postItem(alice, retroId, "START", "Item " + i, "PROCESS", false).expectStatus().isCreated();
                responses.add(System.nanoTime());
                int expected = i + 1;
                waitFor(() -> arrivals.values().stream().allMatch(times -> times.size() >= expected));
            }
        } finally {
            streams.forEach(Disposable::dispose);
        }

        List<Double> millis = new ArrayList<>();
        int early = 0;
        for (List<Long> times : arrivals.values()) {
            assertThat(times).hasSize(ITEMS);
            for (int i = 0; i < ITEMS; i++) {
                long nanos = times.get(i) - responses.get(i);
                if (nanos < 0) {
                    early++;
                }
                millis.add(Math.max(0, nanos) / 1_000_000.0);
            }
        }
        Collections.sort(millis);
        System.out.printf("Board latency, POST response -> stream arrival, %d items x %d streams (%d samples): "
                        + "median %.1f ms, p95 %.1f ms, max %.1f ms; %d arrived before the response (counted as 0)%n",
                ITEMS, STREAMS, millis.size(), percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), early);
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
