package io.retro.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Simulated time for the demo history: things planned for later days (an action item done, a vote,
 * a status change), run in time order, and commands sent as if at the simulated moment.
 *
 * <p>Why the clock is set: the health read model dates tech debt (opened, voted, closed), action
 * items (created, done) and product updates (posted) by the timestamp of their events, not by a
 * date inside them. Axon stamps an event with {@link GenericEventMessage#clock} when the aggregate
 * applies it, so sending each command with that clock fixed at the simulated moment gives real
 * events from real command handling, only dated in the past. The clock is static and global: this
 * is safe only because the filler runs alone, single-threaded, before the service is used, and the
 * system clock is put back after every command.
 *
 * <p>Why sittings: each command on its own would be one append and one disk commit, and the
 * aggregate loaded again from the store for the next command; a few thousand of those take minutes
 * on the embedded store. Inside a {@link #sitting} every command is still handled on its own (a
 * nested unit of work, the aggregate's rules applied, an error thrown at once), but the aggregates
 * stay loaded and all the sitting's events are appended together when it ends.
 */
final class Agenda {

    /** Time that passes with every command, so events of one sitting keep their order in time too. */
    private static final Duration COMMAND_STEP = Duration.ofSeconds(23);

    private record Task(Instant at, long order, Runnable work) {}

    private final CommandGateway commands;
    private final Instant end;
    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>(Comparator.comparing(Task::at).thenComparingLong(Task::order));
    private long planned;
    private Instant current;
    private int sent;

    /** Nothing is planned after {@code end}: the demo history stops at the real now. */
    Agenda(CommandGateway commands, Instant end) {
        this.commands = commands;
        this.end = end;
    }

    /** Plans {@code work} for a later moment; work planned beyond the end never happens. */
    void at(Instant at, Runnable work) {
        if (!at.isAfter(end)) {
            tasks.add(new Task(at, planned++, work));
        }
    }

    /** Runs everything planned up to {@code moment}, then stands at that moment. */
    void advanceTo(Instant moment) {
        while (!tasks.isEmpty() && !tasks.peek().at().isAfter(moment)) {
            Task task = tasks.poll();
            current = task.at();
            task.work().run();
        }
        current = moment;
    }

    /** Runs what is left up to the end and forgets the rest. */
    void finish() {
        advanceTo(end);
        tasks.clear();
    }

    /** Runs {@code work} as one sitting: its commands' events are stored together when it ends. */
    void sitting(Runnable work) {
        UnitOfWork<?> sitting = DefaultUnitOfWork.startAndGet(new GenericMessage<>("demo history"));
        try {
            work.run();
        } catch (RuntimeException e) {
            sitting.rollback(e);
            throw e;
        }
        sitting.commit();
    }

    /** Sends the command as if now were the simulated moment, and waits for its events to be stored. */
    void send(Object command) {
        GenericEventMessage.clock = Clock.fixed(current, ZoneOffset.UTC);
        try {
            commands.sendAndWait(command);
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
            current = current.plus(COMMAND_STEP);
            sent++;
        }
    }

    int commandsSent() {
        return sent;
    }
}
