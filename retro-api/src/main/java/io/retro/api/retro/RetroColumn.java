package io.retro.api.retro;

/** One column of a retro template: a stable id that items refer to, its title, and how its items feel. */
public record RetroColumn(String id, String title, Sentiment sentiment) {}
