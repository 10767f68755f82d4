package io.retro.api.productupdate;

/** A member of the team acknowledged a product update, for the first time. */
public record ProductUpdateAcknowledgedEvent(String updateId, String teamId, String memberId) {}
