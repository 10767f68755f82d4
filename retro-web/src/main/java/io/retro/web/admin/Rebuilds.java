package io.retro.web.admin;

import io.retro.command.shared.ConflictException;
import io.retro.eventstore.Replays;
import io.retro.eventstore.StoredEventSource;
import io.retro.eventstore.StoredTokens;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModels;
import io.retro.web.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models from the whole event history while they keep answering. A rebuild resets the
 * processor's tokens; its reset handler starts a new generation of the read model, which the
 * replayed events fill while queries read the old one; once the processor is past the replay, the
 * new generation takes over. The switch is watched here, also for a rebuild that a restart
 * interrupted and the processor resumed.
 *
 * <p>The replay itself runs in one pass on this node ({@link RebuildPass}) while the processor is
 * stopped; the processor is started again where the pass ends, and takes over what remains, if
 * anything.
 */
@Component
public class Rebuilds implements SmartLifecycle {

    static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final TokenStore tokenStore;
    private final StoredEventSource events;
    private final StoredTokens storedTokens;
    /** Where each read model stood when this node began its rebuild; a rebuild resumed after a restart has none. */
    private final Map<String, Long> resetFrom = new ConcurrentHashMap<>();
    /** The rebuilds replaying in one pass on this node, while their processors are stopped. */
    private final Map<String, RebuildPass> passes = new ConcurrentHashMap<>();
    private ScheduledExecutorService watcher;
    private ExecutorService passRunner;

    public Rebuilds(EventProcessingConfiguration processing, ReadModels readModels, TokenStore tokenStore, StoredEventSource events,
            StoredTokens storedTokens) {
        this.processing = processing;
        this.readModels = readModels;
        this.tokenStore = tokenStore;
        this.events = events;
        this.storedTokens = storedTokens;
    }

    public List<ProjectionStatus> statuses() {
        return readModels.all().stream()
                .map(readModel -> status(readModel, processor(readModel.name())))
                .toList();
    }

    /**
     * Starts rebuilding one read model; blocking, call off the event loop. One request at a time, so
     * that two for the same read model cannot both pass the check before either has reset it.
     */
    public synchronized void replay(String name) {
        ReadModel readModel = readModels.named(name)
                .orElseThrow(() -> new NotFoundException("There is no read model '" + name + "'."));
        PooledStreamingEventProcessor processor = processor(name);
        if (readModel.rebuilding() || passes.containsKey(name) || Replays.replaying(processor)) {
            throw new ConflictException("The read model '" + name + "' is being rebuilt already.");
        }
        resetFrom.put(name, position(processor.processingStatus().values()).orElse(0L));
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            processor.start();
            throw e;
        }
        RebuildPass pass = new RebuildPass(name, processor.eventHandlerInvoker(), tokenStore, events,
                RebuildPass.CHUNK, () -> passEnded(name, processor));
        passes.put(name, pass);
        passRunner.execute(pass);
        log.info("Rebuilding read model {} from the event history", name);
    }

    /** Hands the rest of the rebuild, if any, to the processor; not while this node stops. */
    private void passEnded(String name, StreamingEventProcessor processor) {
        passes.remove(name);
        if (!passRunner.isShutdown()) {
            processor.start();
        }
    }

    private PooledStreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor builds read model " + name));
    }

    private static Optional<Long> position(Collection<EventTrackerStatus> segments) {
        return segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .max(Long::compare);
    }

    private ProjectionStatus status(ReadModel readModel, StreamingEventProcessor processor) {
        RebuildPass pass = passes.get(readModel.name());
        if (pass != null) {
            // The processor is stopped meanwhile and shows no segments.
            long from = resetFrom.getOrDefault(readModel.name(), 0L);
            return new ProjectionStatus(readModel.name(), pass.position(), true,
                    notQuiteDone(from > 0 ? pass.position() / (double) from : 0.0));
        }
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = position(segments).orElse(null);
        boolean replaying = readModel.rebuilding();
        double progress = replaying ? replayProgress(segments, resetFrom.get(readModel.name())) : 1.0;
        return new ProjectionStatus(readModel.name(), position, replaying, progress);
    }

    /**
     * How far the slowest segment has got towards where the read model stood when its rebuild
     * began; a rebuild resumed after a restart is judged by its replay tokens instead.
     */
    private static double replayProgress(Collection<EventTrackerStatus> segments, Long from) {
        if (segments.isEmpty()) {
            return 0.0;
        }
        double progress;
        if (from != null && from > 0) {
            progress = segments.stream().mapToDouble(segment -> segment.getCurrentPosition().orElse(0L) / (double) from).min().orElse(0.0);
        } else {
            double sum = 0;
            for (EventTrackerStatus segment : segments) {
                OptionalLong current = segment.getCurrentPosition();
                OptionalLong reset = segment.getResetPosition();
                if (!Replays.replaying(segment)) {
                    sum += 1.0;
                } else if (current.isPresent() && reset.isPresent() && reset.getAsLong() > 0) {
                    sum += Math.min(1.0, (double) current.getAsLong() / reset.getAsLong());
                }
            }
            progress = sum / segments.size();
        }
        return notQuiteDone(progress);
    }

    /** Caught up with the history but not yet switched over: not quite done. */
    private static double notQuiteDone(double progress) {
        return Math.min(0.99, progress);
    }

    private void completeFinishedRebuilds() {
        for (ReadModel readModel : readModels.all()) {
            if (!readModel.rebuilding()) {
                continue;
            }
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(readModel.name(), StreamingEventProcessor.class);
            if (processor.isEmpty() || !processor.get().isRunning()) {
                continue;
            }
            Collection<EventTrackerStatus> segments = processor.get().processingStatus().values();
            // Just after a reset the processor may still show its segments as they were before it:
            // not replaying, and already far along. Every segment must also have got back to where
            // the read model stood when the rebuild began.
            long from = resetFrom.getOrDefault(readModel.name(), 0L);
            boolean backWhereItWas = segments.stream().allMatch(segment -> segment.getCurrentPosition().orElse(0L) >= from);
            // The segments this node shows are only those it has claimed so far, or holds at all:
            // the tokens stored for the others must be past the replay too.
            if (!segments.isEmpty() && segments.stream().noneMatch(Replays::replaying) && backWhereItWas
                    && storedTokens.of(readModel.name()).values().stream().noneMatch(Replays::replaying)) {
                resetFrom.remove(readModel.name());
                readModel.completeRebuild();
                log.info("Read model {} rebuilt; queries now read the new data", readModel.name());
            }
        }
    }

    @Override
    public void start() {
        passRunner = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuilds");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                completeFinishedRebuilds();
            } catch (RuntimeException e) {
                log.warn("Checking read model rebuilds failed", e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        if (passRunner != null) {
            passRunner.shutdown();
            passes.values().forEach(RebuildPass::stop);
            try {
                // A pass ends after its chunk; its processor takes the rest up at the next start.
                passRunner.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null && !watcher.isShutdown();
    }
}
