package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.shared.WorkCategory;
import io.retro.api.team.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds an item to a column, openly or anonymously. Members only, in REFLECT only. */
public record AddRetroItemCommand(
        @TargetAggregateIdentifier String retroId,
        String itemId,
        String column,
        String text,
        WorkCategory category,
        boolean anonymous,
        Requester requester,
        MemberRole requesterRole) {}
