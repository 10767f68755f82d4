package io.retro.api.retro;

import java.time.LocalDate;
import java.util.List;

/** A team started the retro of a sprint; it opens in REFLECT with the open action items to review. */
public record RetroStartedEvent(
        String retroId,
        String teamId,
        String sprint,
        LocalDate sprintStart,
        LocalDate sprintEnd,
        RetroTemplate template,
        int votesPerMember,
        List<CarriedActionItem> carriedActionItems,
        String startedBy) {}
