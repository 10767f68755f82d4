package io.retro.api.retro;

import io.retro.api.shared.Requester;
import io.retro.api.team.MemberRole;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts items under a titled group; an item already in a group moves. Members only, in GROUP only. */
public record GroupRetroItemsCommand(
        @TargetAggregateIdentifier String retroId,
        String groupId,
        String title,
        List<String> itemIds,
        Requester requester,
        MemberRole requesterRole) {}
