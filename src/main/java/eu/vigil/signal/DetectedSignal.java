package eu.vigil.signal;

import java.time.LocalDate;

/**
 * A signal that fired for one company, with the values it fired on as a person reads them.
 *
 * @param effectiveDate when the source says it happened (a protest's own date); null means the extract's date
 */
public record DetectedSignal(Signal signal, String oldValue, String newValue, LocalDate effectiveDate) {

    public DetectedSignal(Signal signal, String oldValue, String newValue) {
        this(signal, oldValue, newValue, null);
    }

    /** Dated {@code date} unless the source already dated it. */
    public DetectedSignal datedIfUndated(LocalDate date) {
        return effectiveDate != null || date == null ? this : new DetectedSignal(signal, oldValue, newValue, date);
    }
}
