package eu.vigil.watchlist;

import java.util.Locale;

/** What a column of an upload can hold ({@code COUNTRY}: the country of the row's number, when the file has one per row). */
public enum Column {
    NUMBER,
    COUNTRY,
    REFERENCE,
    TYPE,
    CREDIT_LIMIT,
    EXPOSURE,
    OWNER,
    TAGS;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
