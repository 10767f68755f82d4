package io.retro.web.history;

import io.retro.api.history.FindTeamAggregatesQuery;
import io.retro.api.history.QuarterlyReviewView;
import io.retro.api.history.TeamAggregatesView;
import io.retro.api.history.TeamStateView;
import io.retro.eventstore.SequencedMongoEventStorageEngine;
import io.retro.projections.history.HistoricEvent;
import io.retro.projections.history.Quarter;
import io.retro.projections.history.QuarterlyReviews;
import io.retro.projections.history.TeamReplay;
import io.retro.web.shared.Gateways;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A team's history, replayed from the store: the team's own events and those of its retros, tech
 * debt and product updates, read straight from the engine (never from snapshots or read models)
 * and folded in the order they were stored.
 */
@Component
public class TeamHistory {

    private static final Comparator<DomainEventMessage<?>> STORED_ORDER = Comparator
            .comparing((DomainEventMessage<?> event) -> event.getTimestamp())
            .thenComparing(DomainEventMessage::getAggregateIdentifier)
            .thenComparingLong(DomainEventMessage::getSequenceNumber);

    private final SequencedMongoEventStorageEngine engine;
    private final Gateways gateways;
    private final Clock clock;

    public TeamHistory(SequencedMongoEventStorageEngine engine, Gateways gateways, Clock clock) {
        this.engine = engine;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** The team as it was at the instant. */
    public Mono<TeamStateView> stateAsOf(String teamId, Instant instant) {
        return upTo(teamId, instant).map(replay -> replay.state(instant));
    }

    /**
     * The review of a quarter from everything stored until now: sprints count by their end date,
     * so a retro held after the quarter closed still counts towards it.
     */
    public Mono<QuarterlyReviewView> review(String teamId, Quarter quarter) {
        return upTo(teamId, clock.instant()).map(replay -> QuarterlyReviews.review(replay, quarter));
    }

    private Mono<TeamReplay> upTo(String teamId, Instant instant) {
        return gateways.queryOptional(new FindTeamAggregatesQuery(teamId), TeamAggregatesView.class)
                .map(found -> found.map(TeamAggregatesView::aggregateIds).orElse(List.of()))
                .flatMap(aggregateIds -> Mono.fromCallable(() -> TeamReplay.of(teamId, events(teamId, aggregateIds, instant)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private List<HistoricEvent> events(String teamId, List<String> aggregateIds, Instant upTo) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        List<String> all = new ArrayList<>(aggregateIds.size() + 1);
        all.add(teamId);
        all.addAll(aggregateIds);
        for (String aggregateId : all) {
            engine.readEvents(aggregateId, 0).asStream()
                    .filter(event -> !event.getTimestamp().isAfter(upTo))
                    .forEach(events::add);
        }
        events.sort(STORED_ORDER);
        return events.stream().map(event -> new HistoricEvent(event.getPayload(), event.getTimestamp())).toList();
    }
}
