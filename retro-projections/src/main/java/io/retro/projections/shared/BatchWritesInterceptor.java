package io.retro.projections.shared;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Gathers a processor's read-model writes for a batch of events ({@link BatchWrites}) and writes them
 * while the batch's last event is handled: before the unit of work commits and stores the token, so
 * a failed write fails the batch, which is then handled again. A short batch writes directly: with
 * few events, a document rarely changes twice, and reading it first would only add a lookup.
 */
public final class BatchWritesInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    static final int GATHERED_FROM = 10;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.getMessages().size() < GATHERED_FROM) {
            return interceptorChain.proceed();
        }
        BatchWrites writes = BatchWrites.begin(unitOfWork);
        Object result = interceptorChain.proceed();
        if (batch.isLastMessage()) {
            writes.flush();
        }
        return result;
    }
}
