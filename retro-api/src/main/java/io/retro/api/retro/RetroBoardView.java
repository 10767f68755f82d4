package io.retro.api.retro;

import java.time.LocalDate;
import java.util.List;

/**
 * A retro's board as one viewer sees it: items in board order, vote counts only once voting is
 * over, and {@code myVotesLeft} of the viewer's budget. {@code version} is the sequence number of
 * the retro's last event the board shows, so a client can tell whether it has caught up with a
 * change it was told about.
 */
public record RetroBoardView(
        String id,
        String teamId,
        String sprint,
        LocalDate sprintStart,
        LocalDate sprintEnd,
        RetroPhase phase,
        RetroTemplate template,
        List<RetroColumn> columns,
        List<RetroItemView> items,
        List<RetroGroupView> groups,
        List<ActionItemView> actionItems,
        List<CarriedActionItemView> carriedActionItems,
        WorkMix workMix,
        int votesPerMember,
        int myVotesLeft,
        long version) {}
