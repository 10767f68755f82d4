package io.retro.web.shared;

/** The text limits of the API contract, after trimming. */
public final class TextLimits {

    public static final int NAME = 200;
    public static final int TEXT = 4000;

    private TextLimits() {}
}
