package eu.vigil.feed.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one field of a record; a value of the wrong type is an {@link IllegalArgumentException}
 * whose message names the field and the value, for the quarantine.
 */
public final class RecordValues {

    private RecordValues() {}

    /** Whether the record gives this field (a null or a blank text counts as not given: unknown, not removed). */
    public static boolean given(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null
                && !value.isNull()
                && !(value.isString() && value.asString().isBlank());
    }

    public static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray() || value.isObject()) {
            throw new IllegalArgumentException(field + " must be a single value, found " + shorten(value.toString()));
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    public static BigDecimal decimal(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, found '" + shorten(text) + "'");
        }
    }

    public static LocalDate date(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date yyyy-mm-dd, found '" + shorten(text) + "'");
        }
    }

    public static LocalDate requiredDate(JsonNode record, String field) {
        LocalDate date = date(record, field);
        if (date == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return date;
    }

    /**
     * The company a record names by its {@code country} and {@code number} fields (any notation; the
     * country defaults to BE), or why not, naming {@code label}.
     */
    public static eu.vigil.company.CompanyId company(JsonNode record, String label) {
        String number = text(record, "number");
        String country = text(record, "country");
        if (number == null) {
            throw new IllegalArgumentException(label + " is missing");
        }
        return switch (eu.vigil.company.CompanyNumbers.parse(
                number, country == null ? "BE" : country.toUpperCase(java.util.Locale.ROOT))) {
            case eu.vigil.company.ParseResult.Valid valid -> valid.id();
            case eu.vigil.company.ParseResult.Invalid invalid ->
                throw new IllegalArgumentException(label + " '" + number + "': " + invalid.detail());
        };
    }

    /** A list field, or null when not given; anything else but a list is an error. */
    public static Iterable<JsonNode> list(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + " must be a list, found " + shorten(value.toString()));
        }
        return value.values();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
