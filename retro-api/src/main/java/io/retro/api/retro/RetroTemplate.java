package io.retro.api.retro;

import java.util.List;

/** The retro formats a team can choose; each fixes the columns its items sit in. */
public enum RetroTemplate {
    WENT_WELL_TO_IMPROVE_IDEAS(List.of(
            new RetroColumn("WENT_WELL", "Went well", Sentiment.POSITIVE),
            new RetroColumn("TO_IMPROVE", "To improve", Sentiment.NEGATIVE),
            new RetroColumn("IDEAS", "Ideas", Sentiment.NEUTRAL))),
    START_STOP_CONTINUE(List.of(
            new RetroColumn("START", "Start", Sentiment.NEUTRAL),
            new RetroColumn("STOP", "Stop", Sentiment.NEGATIVE),
            new RetroColumn("CONTINUE", "Continue", Sentiment.POSITIVE))),
    MAD_SAD_GLAD(List.of(
            new RetroColumn("MAD", "Mad", Sentiment.NEGATIVE),
            new RetroColumn("SAD", "Sad", Sentiment.NEGATIVE),
            new RetroColumn("GLAD", "Glad", Sentiment.POSITIVE))),
    FOUR_LS(List.of(
            new RetroColumn("LIKED", "Liked", Sentiment.POSITIVE),
            new RetroColumn("LEARNED", "Learned", Sentiment.NEUTRAL),
            new RetroColumn("LACKED", "Lacked", Sentiment.NEGATIVE),
            new RetroColumn("LONGED_FOR", "Longed for", Sentiment.NEUTRAL)));

    private final List<RetroColumn> columns;

    RetroTemplate(List<RetroColumn> columns) {
        this.columns = columns;
    }

    public List<RetroColumn> columns() {
        return columns;
    }

    /** The sentiment of the items in this column; neutral for a column the template does not have. */
    public Sentiment sentimentOf(String columnId) {
        return columns.stream().filter(column -> column.id().equals(columnId)).findFirst()
                .map(RetroColumn::sentiment).orElse(Sentiment.NEUTRAL);
    }

    public boolean hasColumn(String columnId) {
        return columns.stream().anyMatch(column -> column.id().equals(columnId));
    }
}
