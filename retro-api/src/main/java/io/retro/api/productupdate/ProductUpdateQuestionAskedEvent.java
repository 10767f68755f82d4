package io.retro.api.productupdate;

/** A member asked a question about a product update. */
public record ProductUpdateQuestionAskedEvent(String updateId, String teamId, String questionId, String text, String authorId) {}
