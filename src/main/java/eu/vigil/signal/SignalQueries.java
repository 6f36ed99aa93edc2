package eu.vigil.signal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based reads of recorded signal events for other modules: one query per call, whatever the
 * number of companies. Events come per company, newest first (effective date, then id). They are the registry's
 * events, which every tenant shares: a tenant's private events (its receivables) are read through {@link SignalEvents}.
 */
@Service
public class SignalQueries {

    private static final String COLUMNS = "id, company_id, code, polarity, severity, effective_date, detected_at";
    private static final String ORDER = " order by company_id, effective_date desc, id desc";

    private final JdbcTemplate jdbc;

    SignalQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event as a fact about a company, without its values. */
    public record EventFact(
            long id,
            long companyId,
            String code,
            Polarity polarity,
            Severity severity,
            LocalDate effectiveDate,
            Instant detectedAt) {}

    /** Negative events of these companies effective on or after {@code since}. */
    @Transactional(readOnly = true)
    public List<EventFact> negativeSince(Collection<Long> companyIds, LocalDate since) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        return query(
                "select " + COLUMNS
                        + " from signal_event where company_id = any(?::bigint[]) and tenant_id is null and polarity = 'negative'"
                        + " and effective_date >= ?" + ORDER,
                ids(companyIds),
                Date.valueOf(since));
    }

    /** Events with one of these codes of these companies, effective on or after {@code since}. */
    @Transactional(readOnly = true)
    public List<EventFact> withCodesSince(Collection<Long> companyIds, Collection<String> codes, LocalDate since) {
        if (companyIds.isEmpty() || codes.isEmpty()) {
            return List.of();
        }
        return query(
                "select " + COLUMNS
                        + " from signal_event where company_id = any(?::bigint[]) and tenant_id is null and code = any(?::text[])"
                        + " and effective_date >= ?" + ORDER,
                ids(companyIds),
                codes.toArray(String[]::new),
                Date.valueOf(since));
    }

    /** Every event with one of these codes, plus the negative ones effective on or after {@code negativeSince}. */
    @Transactional(readOnly = true)
    public List<EventFact> withCodesOrNegativeSince(
            Collection<Long> companyIds, Collection<String> codes, LocalDate negativeSince) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        return query(
                "select " + COLUMNS + " from signal_event where company_id = any(?::bigint[]) and tenant_id is null"
                        + " and (code = any(?::text[]) or (polarity = 'negative' and effective_date >= ?))" + ORDER,
                ids(companyIds),
                codes.toArray(String[]::new),
                Date.valueOf(negativeSince));
    }

    /** When the latest negative event of each of these companies was detected; companies without one are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> lastNegativeDetected(Collection<Long> companyIds) {
        Map<Long, Instant> found = new HashMap<>();
        if (companyIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                """
                select company_id, max(detected_at) from signal_event
                where company_id = any(?::bigint[]) and tenant_id is null and polarity = 'negative' group by company_id""",
                rs -> {
                    found.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                },
                (Object) ids(companyIds));
        return found;
    }

    private List<EventFact> query(String sql, Object... args) {
        List<EventFact> events = new ArrayList<>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(10_000);
                    for (int i = 0; i < args.length; i++) {
                        statement.setObject(i + 1, args[i]);
                    }
                    return statement;
                },
                rs -> {
                    events.add(fact(rs));
                });
        return events;
    }

    private static EventFact fact(ResultSet rs) throws SQLException {
        return new EventFact(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                Polarity.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                Severity.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                rs.getDate(6).toLocalDate(),
                rs.getTimestamp(7).toInstant());
    }

    private static Long[] ids(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
