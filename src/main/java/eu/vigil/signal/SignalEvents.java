package eu.vigil.signal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores the signals that fired, in the feed run's transaction, and reads a company's back. */
@Component
public class SignalEvents {

    private final JdbcTemplate jdbc;

    SignalEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records events on the run's connection; one already recorded for the same change is skipped. */
    public int record(Connection connection, List<Fired> events) {
        if (events.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into signal_event (company_id, code, category, polarity, severity, old_value, new_value,
                                          effective_date, source, extract, run_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
            for (Fired event : events) {
                Signal signal = event.detected().signal();
                insert.setLong(1, event.companyId());
                insert.setString(2, signal.code());
                insert.setString(3, signal.category().name().toLowerCase(Locale.ROOT));
                insert.setString(4, signal.polarity().name().toLowerCase(Locale.ROOT));
                insert.setString(5, signal.severity().name().toLowerCase(Locale.ROOT));
                insert.setString(6, clip(event.detected().oldValue()));
                insert.setString(7, clip(event.detected().newValue()));
                insert.setDate(8, Date.valueOf(event.effectiveDate()));
                insert.setString(9, event.source());
                insert.setString(10, event.extract());
                insert.setLong(11, event.runId());
                insert.addBatch();
            }
            int stored = 0;
            for (int count : insert.executeBatch()) {
                stored += Math.max(count, 0);
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record signal events: " + e.getMessage(), e);
        }
    }

    /** A company's events, newest first; {@code since} null means all. */
    @Transactional(readOnly = true)
    public List<SignalEvent> of(long companyId, LocalDate since) {
        return jdbc.query("""
                select id, code, category, polarity, severity, old_value, new_value, effective_date, detected_at, source, extract
                from signal_event where company_id = ? and effective_date >= ? order by effective_date desc, id desc""",
                (rs, n) -> new SignalEvent(rs.getLong(1), rs.getString(2),
                        Category.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        Polarity.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                        Severity.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getString(6), rs.getString(7),
                        rs.getDate(8).toLocalDate(), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11)),
                companyId, Date.valueOf(since == null ? LocalDate.of(1900, 1, 1) : since));
    }

    private static String clip(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
    }

    /** A detected signal ready to store: for which company, effective when, from which run. */
    public record Fired(long companyId, DetectedSignal detected, LocalDate effectiveDate, String source, String extract,
                        long runId) {
    }
}
