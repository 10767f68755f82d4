package io.retro.projections.health;

import io.retro.api.retro.Sentiment;
import io.retro.api.shared.WorkCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the health figures of one team are computed from, as the read model keeps it. */
record TeamHealthFacts(
        String teamId,
        String name,
        int members,
        List<Band> bands,
        List<Sprint> sprints,
        List<DebtItem> debt,
        List<ActionItem> actions,
        List<Update> updates) {

    record Band(BigDecimal min, BigDecimal max, LocalDate effectiveFrom, Instant agreedAt) {}

    record Mix(String unit, BigDecimal feature, BigDecimal maintenance, BigDecimal techDebt, BigDecimal bug, BigDecimal process) {}

    record Sprint(String retroId, String name, LocalDate start, LocalDate end, Mix mix, List<ItemCount> items) {}

    /** How many of a sprint's retro items are about a category and sit in a column of this sentiment. */
    record ItemCount(WorkCategory category, Sentiment sentiment, int count) {}

    /** {@code votes} holds the day each current vote was cast. */
    record DebtItem(LocalDate opened, LocalDate closed, boolean resolved, List<LocalDate> votes) {}

    record ActionItem(LocalDate created, LocalDate due, LocalDate done) {}

    record Update(LocalDate posted, int acknowledgements) {}
}
