package eu.vigil.alerting;

import java.util.Locale;

public enum AlertState {
    NEW,
    ACKNOWLEDGED,
    RESOLVED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
