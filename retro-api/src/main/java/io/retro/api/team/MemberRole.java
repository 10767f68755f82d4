package io.retro.api.team;

/** The part a member plays in a team; it decides which commands the member may give. */
public enum MemberRole {
    ENGINEER,
    PRODUCT_MANAGER,
    FACILITATOR
}
