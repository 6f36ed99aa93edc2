package eu.vigil.signal;

import java.util.Locale;

public enum Category {
    IDENTITY,
    STATUS,
    GOVERNANCE,
    ACCOUNTS,
    SCORES,
    PAYMENT,
    INTERNAL;

    /** As written in the catalogue. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
