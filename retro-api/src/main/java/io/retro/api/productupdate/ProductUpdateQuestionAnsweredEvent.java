package io.retro.api.productupdate;

/** A product manager answered a question on a product update; a later answer replaces an earlier one. */
public record ProductUpdateQuestionAnsweredEvent(String updateId, String teamId, String questionId, String text, String answeredBy) {}
