package eu.vigil.feed;

import java.time.Instant;
import java.time.LocalDate;

/** One ingestion run and what it did. */
public record RunView(long id, String source, String fileName, Integer extractNumber, String extractType,
                      LocalDate snapshotDate, String status, boolean forced, String triggeredBy, Instant createdAt,
                      Instant startedAt, Instant finishedAt, long rowsRead, long rowsApplied, long rowsRejected,
                      long companiesChanged, long companiesNew, long companiesLeft, long signalEvents, String error) {

    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "REFUSED".equals(status);
    }
}
