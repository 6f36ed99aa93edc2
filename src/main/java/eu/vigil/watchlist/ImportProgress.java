package eu.vigil.watchlist;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many rows a running import has read, in the database: the node that runs the import writes it (in transactions
 * of its own, beside the import's one), whichever node serves the browser's next poll reads it.
 */
@Component
class ImportProgress {

    private static final int EVERY_ROWS = 500;
    private static final long EVERY_NANOS = 500_000_000L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate aside;

    ImportProgress(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.aside = new TransactionTemplate(transactionManager);
        aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A counter for one run of import {@code importId}, written every 500 rows or half second. */
    Counter counter(UUID importId) {
        write(importId, 0);
        return new Counter(importId);
    }

    /** Rows read so far by a running import; null when none was counted. */
    Integer rowsRead(UUID importId) {
        return jdbc
                .query(
                        "select rows_read from watchlist_import_progress where import_id = ?",
                        (rs, n) -> rs.getInt(1),
                        importId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Forgets the count of a finished import (in the caller's transaction). */
    void clear(UUID importId) {
        jdbc.update("delete from watchlist_import_progress where import_id = ?", importId);
    }

    private void write(UUID importId, int rows) {
        aside.executeWithoutResult(status -> jdbc.update("""
                insert into watchlist_import_progress (import_id, rows_read, updated_at) values (?, ?, now())
                on conflict (import_id) do update set rows_read = excluded.rows_read, updated_at = now()""", importId, rows));
    }

    final class Counter {

        private final UUID importId;
        private int rows;
        private int written;
        private long writtenAt = System.nanoTime();

        private Counter(UUID importId) {
            this.importId = importId;
        }

        void increment() {
            rows++;
            if (rows - written >= EVERY_ROWS || System.nanoTime() - writtenAt >= EVERY_NANOS) {
                write(importId, rows);
                written = rows;
                writtenAt = System.nanoTime();
            }
        }
    }
}
