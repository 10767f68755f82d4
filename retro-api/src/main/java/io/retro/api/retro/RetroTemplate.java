package io.retro.api.retro;

import java.util.List;

/** The retro formats a team can choose; each fixes the columns its items sit in. */
public enum RetroTemplate {
    WENT_WELL_TO_IMPROVE_IDEAS(List.of(
            new RetroColumn("WENT_WELL", "Went well"),
            new RetroColumn("TO_IMPROVE", "To improve"),
            new RetroColumn("IDEAS", "Ideas"))),
    START_STOP_CONTINUE(List.of(
            new RetroColumn("START", "Start"),
            new RetroColumn("STOP", "Stop"),
            new RetroColumn("CONTINUE", "Continue"))),
    MAD_SAD_GLAD(List.of(
            new RetroColumn("MAD", "Mad"),
            new RetroColumn("SAD", "Sad"),
            new RetroColumn("GLAD", "Glad"))),
    FOUR_LS(List.of(
            new RetroColumn("LIKED", "Liked"),
            new RetroColumn("LEARNED", "Learned"),
            new RetroColumn("LACKED", "Lacked"),
            new RetroColumn("LONGED_FOR", "Longed for")));

    private final List<RetroColumn> columns;

    RetroTemplate(List<RetroColumn> columns) {
        this.columns = columns;
    }

    public List<RetroColumn> columns() {
        return columns;
    }

    public boolean hasColumn(String columnId) {
        return columns.stream().anyMatch(column -> column.id().equals(columnId));
    }
}
