package eu.vigil.alerting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the portal shows it: the signal and what changed in the reader's language, the company by name with its
 * light and status (null when no registry reports on it), who has it.
 */
public record InboxAlert(
        long id,
        UUID ruleId,
        String ruleName,
        String signal,
        String label,
        String explanation,
        String country,
        String number,
        String companyName,
        String light,
        String polarity,
        String severity,
        String oldValue,
        String newValue,
        String change,
        eu.vigil.company.CompanyStatus status,
        LocalDate effectiveDate,
        List<String> watchlists,
        String state,
        UUID assignee,
        String assigneeName,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant createdAt) {

    /** The company number as people write it, e.g. {@code 0403.170.701}. */
    public String display() {
        return new eu.vigil.company.CompanyId(country, number).display();
    }
}
