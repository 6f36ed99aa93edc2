package eu.vigil.watchlist.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Set-based reads over an import's entries joined with the shared company and signal tables: the
 * flashback, the health check and company names. One query each, whatever the size of the upload.
 */
@Component
public class PortfolioReads {

    private final DataSource dataSource;

    PortfolioReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A negative signal event of a watched company. */
    public record PastEvent(long companyId, String country, String number, int row, String code, String severity,
                            LocalDate date) {
    }

    /** Negative events since {@code since} of the companies this import made the tenant watch for the first time. */
    public List<PastEvent> flashback(UUID importId, LocalDate since) {
        return events("""
                select e.company_id, e.country, e.number, coalesce(e.import_row, 0), s.code, s.severity, s.effective_date
                from watchlist_entry e join signal_event s on s.company_id = e.company_id
                where e.import_id = ? and e.newly_watched and s.polarity = 'negative' and s.effective_date >= ?
                order by e.import_row, s.effective_date desc, s.id desc""", importId, since, null);
    }

    /** Events with these codes since {@code since} of the companies this import enrolled. */
    public List<PastEvent> withCodes(UUID importId, LocalDate since, Collection<String> codes) {
        return events("""
                select e.company_id, e.country, e.number, coalesce(e.import_row, 0), s.code, s.severity, s.effective_date
                from watchlist_entry e join signal_event s on s.company_id = e.company_id
                where e.import_id = ? and s.effective_date >= ? and s.code = any(?::text[])
                order by e.import_row, s.effective_date desc, s.id desc""", importId, since, codes);
    }

    private List<PastEvent> events(String sql, UUID importId, LocalDate since, Collection<String> codes) {
        List<PastEvent> events = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, importId);
            select.setDate(2, Date.valueOf(since));
            if (codes != null) {
                select.setArray(3, connection.createArrayOf("text", codes.toArray()));
            }
            select.setFetchSize(5_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new PastEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate()));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read signal events: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The legal name of each company, as its identity section has it (the first legal name). */
    public Map<Long, String> names(Collection<Long> companyIds) {
        Map<Long, String> names = new HashMap<>();
        if (companyIds.isEmpty()) {
            return names;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement("""
                select company_id, (select n->>'value' from json_array_elements(doc->'names') n
                                    where n->>'type' = '001' limit 1)
                from company_section where section = 'identity' and company_id = any(?::bigint[])""")) {
            select.setArray(1, connection.createArrayOf("bigint", companyIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        names.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read company names: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
