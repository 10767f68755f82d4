package io.retro.api.retro;

import java.util.List;

/** A group of items on the board. */
public record RetroGroupView(String id, String title, List<String> itemIds) {}
