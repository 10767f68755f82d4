package io.retro.web.shared;

/** One invalid field of a request and what is wrong with it. */
public record FieldMessage(String field, String message) {}
