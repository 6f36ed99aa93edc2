package eu.vigil.company;

import java.util.Locale;

/** The parts of a company's state; each is filled by one source at a time, independently of the others. */
public enum Section {
    IDENTITY,
    STATUS,
    GOVERNANCE,
    CAPITAL,
    ACCOUNTS,
    SCORES,
    PAYMENT_BEHAVIOUR,
    LEGAL_EVENTS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
