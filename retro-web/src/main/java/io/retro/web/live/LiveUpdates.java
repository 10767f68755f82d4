package io.retro.web.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Every event stored from now on, as it is stored, for live pages (server-sent events).
 *
 * <p>Each node tails the event store itself, from its head at start, with its own position held in
 * memory: unlike the read models' processors, whose segments are split between nodes, every node
 * sees every event, whichever node stored it. So a stream opened on one node shows changes made
 * through another. Events from this node arrive at once; from other nodes within the store's fetch
 * delay.
 *
 * <p>Pages get ids and event types only ({@link LiveChange}), never payloads: a payload may hold
 * what a reader must not see (an anonymous author, hidden votes). On a change, a page asks for its
 * fresh state, which the read-after-write rule makes current.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final EventStore eventStore;
    /** How often an open page stream gets a comment, so that proxies do not drop a quiet connection. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final Sinks.Many<LiveChange> changes = Sinks.many().multicast().directBestEffort();
    private final Sinks.One<Boolean> stopping = Sinks.one();
    private volatile boolean running;
    private volatile BlockingStream<TrackedEventMessage<?>> stream;
    private Thread tail;

    public LiveUpdates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Changes to one aggregate (a retro, a team, a product update, a tech-debt item). */
    public Flux<LiveChange> of(String aggregateId) {
        return changes.asFlux().filter(change -> change.aggregateId().equals(aggregateId));
    }

    /**
     * What a page's event stream sends: a comment at once, which sends the headers so the page
     * knows it is connected (and fetches what it may have missed), then its changes and a comment
     * now and then. The changes are subscribed to before the opening comment is sent, so a client
     * that waits for it misses no change made after it. The stream ends when this node stops, so a
     * graceful shutdown need not wait for every open page; the pages reconnect to another node.
     */
    public <T> Flux<ServerSentEvent<T>> pageStream(Flux<ServerSentEvent<T>> pageChanges) {
        return Flux.merge(
                        pageChanges,
                        Mono.just(ServerSentEvent.<T>builder().comment("connected").build()),
                        Flux.interval(KEEP_ALIVE).map(tick -> ServerSentEvent.<T>builder().comment("keep-alive").build()))
                .takeUntilOther(stopping.asMono());
    }

    /** Every change. */
    public Flux<LiveChange> all() {
        return changes.asFlux();
    }

    @Override
    public void start() {
        running = true;
        stream = eventStore.openStream(eventStore.createHeadToken());
        tail = new Thread(this::tail, "live-updates");
        tail.setDaemon(true);
        tail.start();
    }

    private void tail() {
        while (running) {
            try {
                if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (event instanceof DomainEventMessage<?> domainEvent) {
                        LiveChange change = new LiveChange(domainEvent.getAggregateIdentifier(),
                                domainEvent.getPayloadType().getSimpleName(), domainEvent.getSequenceNumber());
                        synchronized (changes) {
                            changes.tryEmitNext(change);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Live updates: reading the event stream failed; reopening it", e);
                    stream.close();
                    stream = eventStore.openStream(eventStore.createHeadToken());
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        stopping.tryEmitValue(true);
        if (stream != null) {
            stream.close();
        }
        if (tail != null) {
            tail.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
