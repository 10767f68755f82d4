package io.retro.demo;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class AgendaTest {

    private static final Instant END = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void runsPlannedWorkInTimeOrderUpToTheMomentAskedFor() {
        Agenda agenda = new Agenda(null, END);
        List<String> done = new ArrayList<>();
        agenda.at(Instant.parse("2026-11-02T10:00:00Z"), () -> done.add("second"));
        agenda.at(Instant.parse("2026-11-01T10:00:00Z"), () -> {
            done.add("first");
            agenda.at(Instant.parse("2026-11-01T12:00:00Z"), () -> done.add("planned by the first"));
        });
        agenda.at(Instant.parse("2026-11-09T10:00:00Z"), () -> done.add("later"));

        agenda.advanceTo(Instant.parse("2026-11-05T00:00:00Z"));

        assertThat(done).containsExactly("first", "planned by the first", "second");
    }

    @Test
    void neverRunsWorkPlannedAfterTheEnd() {
        Agenda agenda = new Agenda(null, END);
        List<String> done = new ArrayList<>();
        agenda.at(END.minusSeconds(1), () -> done.add("before"));
        agenda.at(END.plusSeconds(1), () -> done.add("after"));

        agenda.finish();

        assertThat(done).containsExactly("before");
    }

    @Test
    void sendsEachCommandAtTheSimulatedMomentAndPutsTheSystemClockBack() {
        CommandGateway commands = mock(CommandGateway.class);
        List<Instant> stampedAt = new ArrayList<>();
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            stampedAt.add(GenericEventMessage.clock.instant());
            return null;
        });
        Agenda agenda = new Agenda(commands, END);
        Instant retro = Instant.parse("2025-03-14T14:00:00Z");

        agenda.advanceTo(retro);
        agenda.send("start the retro");
        agenda.send("add an item");

        assertThat(stampedAt).containsExactly(retro, retro.plusSeconds(23));
        assertThat(GenericEventMessage.clock).isEqualTo(Clock.systemUTC());
        assertThat(agenda.commandsSent()).isEqualTo(2);
    }
}
