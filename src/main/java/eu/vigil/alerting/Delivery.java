package eu.vigil.alerting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a rule's alerts reach people: an email each (grouped per company), a daily or weekly digest, or the portal only. */
public enum Delivery {
    IMMEDIATE,
    DAILY,
    WEEKLY,
    PORTAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Delivery> parse(String value) {
        return value == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(d -> d.name().equalsIgnoreCase(value.trim()))
                        .findFirst();
    }
}
