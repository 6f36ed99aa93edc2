package eu.vigil.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One ingestion run and what it did. Every row read is applied, rejected (quarantined with its reason) or
 * set aside: read on purpose and not applied, counted by reason in {@code setAside}.
 */
public record RunView(
        long id,
        String source,
        String fileName,
        Integer extractNumber,
        String extractType,
        LocalDate snapshotDate,
        String status,
        boolean forced,
        String triggeredBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long rowsApplied,
        long rowsRejected,
        long rowsSetAside,
        Map<String, Long> setAside,
        long companiesChanged,
        long companiesNew,
        long companiesLeft,
        long signalEvents,
        String error) {

    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "REFUSED".equals(status);
    }
}
