package io.retro.api.team;

/** A team was started. The creator's membership follows as its own {@link TeamMemberAddedEvent}. */
public record TeamCreatedEvent(String teamId, String name, String createdBy) {}
