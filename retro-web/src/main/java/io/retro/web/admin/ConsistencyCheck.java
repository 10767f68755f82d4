package io.retro.web.admin;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.retro.eventstore.ProjectionCatchUp;
import io.retro.eventstore.SequencedMongoEventStorageEngine;
import io.retro.projections.Projections;
import io.retro.projections.shared.ReadModel;
import io.retro.projections.shared.ReadModelContents;
import io.retro.projections.shared.ReadModels;
import io.retro.store.IndexedMemoryBackend;
import io.retro.web.admin.ConsistencyReport.Difference;
import io.retro.web.admin.ConsistencyReport.ReadModelCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model from the events into an in-memory store, apart from the live ones, and
 * reports each document that differs. It answers whether the live read models are exactly what the
 * events say, after a crash, a redelivery or a change of projection code. Meant for a quiet store:
 * it waits until the live read models have handled every event stored when it starts.
 */
@Component
class ConsistencyCheck {

    private static final int DIFFERENCES_LISTED = 20;

    private final SequencedMongoEventStorageEngine events;
    private final ReadModels live;
    private final ProjectionCatchUp catchUp;
    private final Duration catchUpTimeout;

    ConsistencyCheck(SequencedMongoEventStorageEngine events, ReadModels live, ProjectionCatchUp catchUp,
            @Value("${retro.consistency-check.catch-up-timeout:PT60S}") Duration catchUpTimeout) {
        this.events = events;
        this.live = live;
        this.catchUp = catchUp;
        this.catchUpTimeout = catchUpTimeout;
    }

    ConsistencyReport run() throws Exception {
        long head = events.reservedHead();
        awaitLiveReadModels(head);
        MongoServer scratch = new MongoServer(new IndexedMemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://" + scratch.bind().getHostString() + ":" + scratch.getLocalAddress().getPort())) {
            ReadModels rebuilt = new ReadModels(client.getDatabase("check"));
            List<AnnotationEventHandlerAdapter> handlers = Projections.on(rebuilt).stream()
                    .map(AnnotationEventHandlerAdapter::new)
                    .toList();
            long replayed = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents((TrackingToken) null, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    if (position(event) > head) {
                        break;
                    }
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        handler.handle(event);
                    }
                    replayed++;
                }
            }
            List<ReadModelCheck> checks = new ArrayList<>();
            for (ReadModel readModel : rebuilt.all()) {
                checks.add(compare(readModel.name(), ReadModelContents.of(live.named(readModel.name()).orElseThrow()),
                        ReadModelContents.of(readModel)));
            }
            boolean consistent = checks.stream().allMatch(check -> check.differing() == 0);
            return new ConsistencyReport(head, replayed, events.reservedHead() == head, consistent, checks);
        } finally {
            scratch.shutdownNow();
        }
    }

    private void awaitLiveReadModels(long head) throws InterruptedException {
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        while (!catchUp.caughtUpWith(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The live read models did not handle the events up to " + head
                        + " within " + catchUpTimeout.toSeconds() + " s; is a rebuild running?");
            }
            Thread.sleep(50);
        }
    }

    private static long position(TrackedEventMessage<?> event) {
        return ((GapAwareTrackingToken) event.trackingToken()).getIndex();
    }

    private static ReadModelCheck compare(String name, Map<String, Map<String, String>> live, Map<String, Map<String, String>> rebuilt) {
        List<Difference> differences = new ArrayList<>();
        int documents = 0;
        int differing = 0;
        for (String collection : new TreeSet<>(rebuilt.keySet())) {
            Map<String, String> liveDocuments = live.getOrDefault(collection, Map.of());
            Map<String, String> rebuiltDocuments = rebuilt.get(collection);
            TreeSet<String> ids = new TreeSet<>(liveDocuments.keySet());
            ids.addAll(rebuiltDocuments.keySet());
            documents += ids.size();
            for (String id : ids) {
                String liveDocument = liveDocuments.get(id);
                String rebuiltDocument = rebuiltDocuments.get(id);
                if (!Objects.equals(liveDocument, rebuiltDocument)) {
                    differing++;
                    if (differences.size() < DIFFERENCES_LISTED) {
                        differences.add(new Difference(collection, id, liveDocument, rebuiltDocument));
                    }
                }
            }
        }
        return new ReadModelCheck(name, documents, differing, differences);
    }
}
