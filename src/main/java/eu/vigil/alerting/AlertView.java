package eu.vigil.alerting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An alert of the bound tenant: which signal event, on which company, through which rule and watchlists, and
 * where it stands; {@code oldValue}/{@code newValue} as the signal event recorded them (codes, plain numbers), and
 * beside them {@code oldText}/{@code newText} and the whole {@code change} in the requested language.
 */
public record AlertView(
        long id,
        UUID ruleId,
        String signal,
        String label,
        String country,
        String number,
        String polarity,
        String severity,
        String oldValue,
        String newValue,
        String oldText,
        String newText,
        String change,
        LocalDate effectiveDate,
        List<UUID> watchlists,
        String state,
        UUID assignee,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant createdAt) {}
