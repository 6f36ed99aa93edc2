package eu.vigil.signal;

import java.util.Locale;

/** Decides the default audience: negative signals go to credit managers, positive ones to sales. */
public enum Polarity {
    NEGATIVE,
    POSITIVE,
    NEUTRAL;

    /** As written in the catalogue. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
