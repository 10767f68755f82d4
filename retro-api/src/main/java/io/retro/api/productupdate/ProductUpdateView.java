package io.retro.api.productupdate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A product update as the team reads it: {@code acknowledgedBy} holds the ids of the members who
 * acknowledged it, {@code questions} are oldest first.
 */
public record ProductUpdateView(
        String id,
        String teamId,
        String title,
        String body,
        List<Metric> metrics,
        List<String> customerVoices,
        List<GoalProgress> goals,
        String postedBy,
        Instant postedAt,
        Set<String> acknowledgedBy,
        List<QuestionView> questions) {}
