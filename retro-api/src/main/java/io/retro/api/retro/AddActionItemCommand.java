package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what the team will do, who owns it and by when. Members only, in DISCUSS only. */
public record AddActionItemCommand(
        @TargetAggregateIdentifier String retroId,
        String actionItemId,
        String text,
        String ownerId,
        LocalDate dueDate,
        Requester requester,
        MemberRole requesterRole) {}
