package eu.vigil.signal;

import java.time.Instant;
import java.time.LocalDate;

/** A signal that fired on a company, as stored. */
public record SignalEvent(
        long id,
        String code,
        Category category,
        Polarity polarity,
        Severity severity,
        String oldValue,
        String newValue,
        LocalDate effectiveDate,
        Instant detectedAt,
        String source,
        String extract) {}
