package eu.vigil.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A watched company as the list shows it; {@code companyId} null while the number is pending, {@code ledger} null when
 * the tenant's receivables hold nothing for it.
 */
public record EntryView(
        long id,
        String country,
        String number,
        String display,
        Long companyId,
        String name,
        String reference,
        Relationship relationship,
        Amount creditLimit,
        Amount exposure,
        UUID ownerId,
        List<String> tags,
        String light,
        String lightCode,
        LocalDate lightDate,
        boolean hasAlerts,
        Instant addedAt,
        EntryLedger ledger) {

    public boolean pending() {
        return companyId == null;
    }
}
