package io.retro.projections.history;

import java.time.Instant;

/** An event's payload and when it was stored, as history replays it. */
public record HistoricEvent(Object payload, Instant at) {}
