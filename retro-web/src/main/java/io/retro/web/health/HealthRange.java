package io.retro.web.health;

import io.retro.api.health.Granularity;
import io.retro.web.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The range and granularity of a trend query, from its query parameters. Defaults: sprints, over
 * the year up to today. A range may span at most {@value #MAX_YEARS} years.
 */
record HealthRange(LocalDate from, LocalDate to, Granularity granularity) {

    static final int MAX_YEARS = 20;

    static HealthRange parse(String from, String to, String granularity, LocalDate today) {
        Granularity parsedGranularity = granularity(granularity);
        LocalDate parsedTo = date("to", to, today);
        LocalDate parsedFrom = date("from", from, parsedTo.minusYears(1).plusDays(1));
        if (parsedFrom.isAfter(parsedTo)) {
            throw new InvalidInputException("from", "from must not be after to.");
        }
        if (parsedFrom.plusYears(MAX_YEARS).isBefore(parsedTo)) {
            throw new InvalidInputException("from", "A range may span at most " + MAX_YEARS + " years.");
        }
        return new HealthRange(parsedFrom, parsedTo, parsedGranularity);
    }

    private static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.SPRINT;
        }
        try {
            return Granularity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("granularity", "granularity must be SPRINT, MONTH or QUARTER.");
        }
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date as YYYY-MM-DD.");
        }
    }
}
