package io.retro.api.team;

import io.retro.api.shared.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a team; whoever creates it becomes its first facilitator. */
public record CreateTeamCommand(@TargetAggregateIdentifier String teamId, String name, Requester requester) {}
