package io.retro.web.retro;

import io.retro.api.retro.CarryOverDecision;
import io.retro.api.retro.RetroBoardView;
import io.retro.api.retro.RetroColumn;
import io.retro.api.retro.RetroGroupView;
import io.retro.api.retro.RetroItemView;
import io.retro.api.retro.RetroPhase;
import io.retro.api.retro.WorkMixUnit;
import io.retro.api.shared.WorkCategory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the board page shows one viewer: the board, the member names (ids stay ids everywhere
 * else), what the viewer may do in this phase, and the summary once the retro is closed.
 */
record BoardPage(
        RetroBoardView board,
        String viewerId,
        boolean facilitator,
        Map<String, String> names,
        Map<String, List<RetroItemView>> itemsByColumn,
        Map<String, String> groupTitles,
        RetroSummary summary) {

    static final List<WorkCategory> CATEGORIES = List.of(WorkCategory.values());

    static BoardPage of(RetroContext context, String viewerId, boolean admin, Map<String, String> names) {
        RetroBoardView board = context.board();
        Map<String, List<RetroItemView>> byColumn = new LinkedHashMap<>();
        for (RetroColumn column : board.columns()) {
            byColumn.put(column.id(), board.items().stream().filter(item -> item.column().equals(column.id())).toList());
        }
        Map<String, String> groupTitles = new LinkedHashMap<>();
        for (RetroGroupView group : board.groups()) {
            groupTitles.put(group.id(), group.title());
        }
        return new BoardPage(board, viewerId, context.facilitates(admin), names, byColumn, groupTitles,
                board.phase() == RetroPhase.CLOSED ? RetroSummary.of(board) : null);
    }

    public List<WorkCategory> categories() {
        return CATEGORIES;
    }

    /** A template named by its columns, as people call it: "Start / Stop / Continue". */
    public String templateTitle() {
        return String.join(" / ", board.columns().stream().map(RetroColumn::title).toList());
    }

    public List<RetroPhase> phases() {
        return List.of(RetroPhase.values());
    }

    public List<CarryOverDecision> decisions() {
        return List.of(CarryOverDecision.values());
    }

    public List<WorkMixUnit> units() {
        return List.of(WorkMixUnit.values());
    }

    public RetroPhase nextPhase() {
        return board.phase().next();
    }

    public boolean in(String phase) {
        return board.phase().name().equals(phase);
    }

    /** Open items of the viewer, and every item for a facilitator; anonymous items stay unmarked. */
    public boolean mayChange(RetroItemView item) {
        return (facilitator || viewerId.equals(item.authorId()))
                && (board.phase() == RetroPhase.REFLECT || board.phase() == RetroPhase.GROUP);
    }

    public String nameOf(String userId) {
        return userId == null ? "Anonymous" : names.getOrDefault(userId, "Former member");
    }

    public String phaseHelp() {
        return switch (board.phase()) {
            case REFLECT -> "Add what you noticed this sprint, openly or anonymously. Review the open action items from earlier retros.";
            case GROUP -> "Select related items and put them under a group title. Authors can still fix their items.";
            case VOTE -> "Put your dots on what matters most. Counts stay hidden until voting ends.";
            case DISCUSS -> "Talk through the most-voted items and agree action items with an owner and a due date.";
            case CLOSED -> "The retro is closed. Action items can still be marked done.";
        };
    }
}
