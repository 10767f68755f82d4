package io.retro.api.retro;

/** One column of a retro template: a stable id that items refer to, and its title. */
public record RetroColumn(String id, String title) {}
