package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.signal.SignalQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads over an import's entries and what the company and signal modules know of their companies: the
 * flashback, the health check and company names. A few set-based calls each, whatever the size of the upload.
 */
@Component
public class PortfolioReads {

    private final JdbcTemplate jdbc;
    private final SignalQueries signals;
    private final CompanyDirectory directory;

    PortfolioReads(JdbcTemplate jdbc, SignalQueries signals, CompanyDirectory directory) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.directory = directory;
    }

    /** A negative signal event of a watched company. */
    public record PastEvent(
            long companyId,
            String country,
            String number,
            int row,
            String code,
            String severity,
            LocalDate date,
            long eventId) {}

    private record Enrolled(long companyId, String country, String number, int row) {}

    /** Negative events since {@code since} of the companies this import made the tenant watch for the first time. */
    public List<PastEvent> flashback(UUID importId, LocalDate since) {
        Map<Long, Enrolled> enrolled = enrolled(importId, true);
        return inRowOrder(enrolled, signals.negativeSince(enrolled.keySet(), since));
    }

    /** Events with these codes since {@code since} of the companies this import enrolled. */
    public List<PastEvent> withCodes(UUID importId, LocalDate since, Collection<String> codes) {
        Map<Long, Enrolled> enrolled = enrolled(importId, false);
        return inRowOrder(enrolled, signals.withCodesSince(enrolled.keySet(), codes, since));
    }

    /** The import's matched entries by company, in file order. */
    private Map<Long, Enrolled> enrolled(UUID importId, boolean newlyWatchedOnly) {
        Map<Long, Enrolled> enrolled = new LinkedHashMap<>();
        jdbc.query(
                "select company_id, country, number, coalesce(import_row, 0) from watchlist_entry where import_id = ?"
                        + " and company_id is not null" + (newlyWatchedOnly ? " and newly_watched" : "")
                        + " order by import_row",
                rs -> {
                    enrolled.putIfAbsent(
                            rs.getLong(1), new Enrolled(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                },
                importId);
        return enrolled;
    }

    /** Events come per company, newest first; they go out in the order of the companies' rows. */
    private static List<PastEvent> inRowOrder(Map<Long, Enrolled> enrolled, List<SignalQueries.EventFact> events) {
        Map<Long, List<SignalQueries.EventFact>> byCompany = new HashMap<>();
        events.forEach(e ->
                byCompany.computeIfAbsent(e.companyId(), k -> new ArrayList<>()).add(e));
        List<PastEvent> ordered = new ArrayList<>(events.size());
        for (Enrolled entry : enrolled.values()) {
            for (SignalQueries.EventFact e : byCompany.getOrDefault(entry.companyId(), List.of())) {
                ordered.add(new PastEvent(
                        entry.companyId(),
                        entry.country(),
                        entry.number(),
                        entry.row(),
                        e.code(),
                        e.severity().key(),
                        e.effectiveDate(),
                        e.id()));
            }
        }
        return ordered;
    }

    /** The legal name of each company, in {@code language} when it has one in that language. */
    public Map<Long, String> names(Collection<Long> companyIds, String language) {
        Map<Long, String> names = new HashMap<>();
        directory.summaries(companyIds, language).forEach((id, summary) -> {
            if (summary.name() != null) {
                names.put(id, summary.name());
            }
        });
        return names;
    }
}
