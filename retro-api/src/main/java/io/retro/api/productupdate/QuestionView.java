package io.retro.api.productupdate;

import java.time.Instant;

/** A question on an update with its answer; {@code answer} and what follows it are null until answered. */
public record QuestionView(
        String id, String text, String authorId, Instant askedAt, String answer, String answeredBy, Instant answeredAt) {

    public boolean answered() {
        return answer != null;
    }
}
