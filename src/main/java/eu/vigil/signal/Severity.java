package eu.vigil.signal;

import java.util.Locale;

public enum Severity {
    CRITICAL(5),
    HIGH(4),
    MEDIUM(3),
    LOW(2),
    INFO(1);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    /** Higher is more severe: critical 5 down to info 1. */
    public int rank() {
        return rank;
    }

    /** Whether this passes a "minimum severity" setting. */
    public boolean isAtLeast(Severity minimum) {
        return rank >= minimum.rank;
    }

    /** As written in the catalogue. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
