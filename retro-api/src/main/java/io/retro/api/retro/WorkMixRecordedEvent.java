package io.retro.api.retro;

/** The facilitator recorded the sprint's effort per category; it replaces an earlier record. */
public record WorkMixRecordedEvent(String retroId, String teamId, WorkMix workMix, String recordedBy) {}
