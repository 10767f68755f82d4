package io.retro.api.productupdate;

import java.util.List;

/** A product manager posted an update to the team; {@code body} is markdown. */
public record ProductUpdatePostedEvent(
        String updateId,
        String teamId,
        String title,
        String body,
        List<Metric> metrics,
        List<String> customerVoices,
        List<GoalProgress> goals,
        String postedBy) {}
