package io.retro.web.shared;

import io.retro.eventstore.ProjectionCatchUp;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The command and query gateways as controllers use them: off the event loop (command handlers
 * and query handlers block on the driver), and reads after the read models caught up with every
 * stored event.
 */
@Component
public class Gateways {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final ProjectionCatchUp catchUp;

    public Gateways(CommandGateway commandGateway, QueryGateway queryGateway, ProjectionCatchUp catchUp) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.catchUp = catchUp;
    }

    /** Sends a command; completes once its events are stored. */
    public <R> Mono<R> send(Object command) {
        return Mono.defer(() -> Mono.<R>fromFuture(commandGateway.send(command))).subscribeOn(Schedulers.boundedElastic());
    }

    /** Asks a query whose answer may be absent. */
    public <R> Mono<Optional<R>> queryOptional(Object query, Class<R> type) {
        return catchUp.await().then(Mono.defer(() ->
                        Mono.fromFuture(queryGateway.query(query, ResponseTypes.optionalInstanceOf(type))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** Asks a query of one read model whose answer may be absent, after that read model caught up. */
    public <R> Mono<Optional<R>> queryOptionalFrom(String processingGroup, Object query, Class<R> type) {
        return catchUp.await(processingGroup).then(Mono.defer(() ->
                        Mono.fromFuture(queryGateway.query(query, ResponseTypes.optionalInstanceOf(type))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Asks a query of one read model about one aggregate, after that read model handled every
     * stored event of the aggregate: enough for a read model built from that aggregate's events alone.
     */
    public <R> Mono<Optional<R>> queryOptionalFor(String processingGroup, String aggregateIdentifier, Object query, Class<R> type) {
        return catchUp.await(processingGroup, aggregateIdentifier).then(Mono.defer(() ->
                        Mono.fromFuture(queryGateway.query(query, ResponseTypes.optionalInstanceOf(type))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** Asks a query answered with a list. */
    public <R> Mono<List<R>> queryList(Object query, Class<R> type) {
        return catchUp.await().then(Mono.defer(() ->
                        Mono.fromFuture(queryGateway.query(query, ResponseTypes.multipleInstancesOf(type))))
                .subscribeOn(Schedulers.boundedElastic()));
    }
}
