package io.retro.api.retro;

/**
 * How a retro column feels: items under "Went well" are positive, under "To improve" negative.
 * Forward-looking columns (ideas, start, learned, longed for) are neutral.
 */
public enum Sentiment {
    POSITIVE,
    NEGATIVE,
    NEUTRAL
}
