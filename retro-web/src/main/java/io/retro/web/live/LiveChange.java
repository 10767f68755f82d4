package io.retro.web.live;

/**
 * One change for live pages: which aggregate changed, by which kind of event. No payload, so
 * nothing a reader may not see can travel this way.
 */
public record LiveChange(String aggregateId, String type, long sequenceNumber) {}
