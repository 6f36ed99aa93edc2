package eu.vigil.watchlist;

import java.util.Locale;

/** What a column of an upload can hold. */
public enum Column {
    NUMBER, REFERENCE, TYPE, CREDIT_LIMIT, EXPOSURE, OWNER, TAGS;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
