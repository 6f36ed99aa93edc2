package eu.vigil.signal;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the signals that fired, in the feed run's transaction, announces them, and reads a company's back.
 */
@Component
public class SignalEvents {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final CompanyDirectory directory;

    SignalEvents(JdbcTemplate jdbc, ApplicationEventPublisher publisher, CompanyDirectory directory) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.directory = directory;
    }

    /** An event stored now, and the company it is about. */
    public record Stored(long id, long companyId) {}

    /**
     * Records events on the run's connection in one statement; one already recorded for the same change
     * is skipped. Answers the events stored now.
     */
    public List<Stored> record(Connection connection, List<Fired> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        Long[] companies = new Long[n];
        String[] codes = new String[n];
        String[] categories = new String[n];
        String[] polarities = new String[n];
        String[] severities = new String[n];
        String[] olds = new String[n];
        String[] news = new String[n];
        Date[] dates = new Date[n];
        String[] sources = new String[n];
        String[] extracts = new String[n];
        Long[] runs = new Long[n];
        UUID[] tenants = new UUID[n];
        for (int i = 0; i < n; i++) {
            Fired event = events.get(i);
            Signal signal = event.detected().signal();
            companies[i] = event.companyId();
            codes[i] = signal.code();
            categories[i] = signal.category().name().toLowerCase(Locale.ROOT);
            polarities[i] = signal.polarity().name().toLowerCase(Locale.ROOT);
            severities[i] = signal.severity().name().toLowerCase(Locale.ROOT);
            olds[i] = clip(event.detected().oldValue());
            news[i] = clip(event.detected().newValue());
            dates[i] = Date.valueOf(
                    event.detected().effectiveDate() != null
                            ? event.detected().effectiveDate()
                            : event.effectiveDate());
            sources[i] = event.source();
            extracts[i] = clip(event.extract(), 64);
            runs[i] = event.runId();
            tenants[i] = event.tenantId();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into signal_event (company_id, code, category, polarity, severity, old_value, new_value,
                                          effective_date, source, extract, run_id, tenant_id)
                select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::date[], ?::text[], ?::text[], ?::bigint[], ?::uuid[])
                on conflict do nothing returning id, company_id""")) {
            insert.setArray(1, connection.createArrayOf("bigint", companies));
            insert.setArray(2, connection.createArrayOf("text", codes));
            insert.setArray(3, connection.createArrayOf("text", categories));
            insert.setArray(4, connection.createArrayOf("text", polarities));
            insert.setArray(5, connection.createArrayOf("text", severities));
            insert.setArray(6, connection.createArrayOf("text", olds));
            insert.setArray(7, connection.createArrayOf("text", news));
            insert.setArray(8, connection.createArrayOf("date", dates));
            insert.setArray(9, connection.createArrayOf("text", sources));
            insert.setArray(10, connection.createArrayOf("text", extracts));
            insert.setArray(11, connection.createArrayOf("bigint", runs));
            insert.setArray(12, connection.createArrayOf("uuid", tenants));
            List<Stored> stored = new ArrayList<>(n);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Stored(rs.getLong(1), rs.getLong(2)));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record signal events: " + e.getMessage(), e);
        }
    }

    /**
     * Announces events stored by {@code runId} (0: by no run) as {@link SignalEventsRecorded} batches, each with the
     * companies of its events. Call it on the thread and in the transaction that recorded them, so that listeners hear
     * of them once they are committed, and only then.
     */
    public void announce(long runId, String source, List<Stored> stored) {
        for (int from = 0; from < stored.size(); from += SignalEventsRecorded.MAX_BATCH) {
            List<Stored> batch = stored.subList(from, Math.min(stored.size(), from + SignalEventsRecorded.MAX_BATCH));
            publisher.publishEvent(new SignalEventsRecorded(
                    runId,
                    source,
                    batch.stream().map(Stored::id).toList(),
                    List.copyOf(
                            new TreeSet<>(batch.stream().map(Stored::companyId).toList()))));
        }
    }

    /** The events with these ids (for listeners of {@link SignalEventsRecorded}), with their company's country and number. */
    @Transactional(readOnly = true)
    public List<RecordedEvent> byIds(List<Long> ids) {
        return byIds(ids, null);
    }

    /** Those of the events with these ids that are about one of {@code companies} (null: any company). */
    @Transactional(readOnly = true)
    public List<RecordedEvent> byIds(List<Long> ids, Collection<Long> companies) {
        List<Object> args = new ArrayList<>(2);
        args.add(ids.toArray(Long[]::new));
        if (companies != null) {
            args.add(companies.toArray(Long[]::new));
        }
        List<SignalEvent> events = new ArrayList<>();
        List<Long> companyOf = new ArrayList<>();
        List<UUID> tenantOf = new ArrayList<>();
        jdbc.query(
                """
                select id, company_id, code, category, polarity, severity, old_value, new_value, effective_date,
                       detected_at, source, tenant_id
                from signal_event where id = any(?::bigint[])""" + (companies == null ? "" : " and company_id = any(?::bigint[])") + " order by id",
                rs -> {
                    companyOf.add(rs.getLong(2));
                    tenantOf.add(rs.getObject(12, UUID.class));
                    events.add(new SignalEvent(
                            rs.getLong(1),
                            rs.getString(3),
                            Category.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                            Polarity.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                            Severity.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getDate(9).toLocalDate(),
                            rs.getTimestamp(10).toInstant(),
                            rs.getString(11),
                            null));
                },
                args.toArray());
        Map<Long, CompanyId> identities = directory.companyIds(new TreeSet<>(companyOf));
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CompanyId company = identities.get(companyOf.get(i));
            recorded.add(new RecordedEvent(
                    events.get(i).id(),
                    companyOf.get(i),
                    company.country(),
                    company.number(),
                    events.get(i),
                    tenantOf.get(i)));
        }
        return recorded;
    }

    /** An event with the company it is about; {@code tenantId} names the one tenant a private event belongs to. */
    public record RecordedEvent(
            long id, long companyId, String country, String number, SignalEvent event, UUID tenantId) {}

    /** A company's registry events (no tenant's private ones), newest first; {@code since} null means all. */
    @Transactional(readOnly = true)
    public List<SignalEvent> of(long companyId, LocalDate since) {
        return jdbc.query(
                """
                select id, code, category, polarity, severity, old_value, new_value, effective_date, detected_at, source, extract
                from signal_event where company_id = ? and effective_date >= ? and tenant_id is null
                order by effective_date desc, id desc""", SignalEvents::event, companyId, Date.valueOf(since == null ? LocalDate.of(1900, 1, 1) : since));
    }

    /** A row of id, code, category, polarity, severity, old and new value, dates, source and extract. */
    private static SignalEvent event(java.sql.ResultSet rs, int row) throws SQLException {
        return new SignalEvent(
                rs.getLong(1),
                rs.getString(2),
                Category.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                Polarity.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                Severity.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                rs.getString(6),
                rs.getString(7),
                rs.getDate(8).toLocalDate(),
                rs.getTimestamp(9).toInstant(),
                rs.getString(10),
                rs.getString(11));
    }

    private static String clip(String value) {
        return clip(value, 2000);
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** The private events of {@code tenantId} on one company (its receivables), newest first. */
    @Transactional(readOnly = true)
    public List<SignalEvent> privateOf(UUID tenantId, long companyId, LocalDate since) {
        return jdbc.query(
                """
                select id, code, category, polarity, severity, old_value, new_value, effective_date, detected_at, source, extract
                from signal_event where tenant_id = ? and company_id = ? and effective_date >= ?
                order by effective_date desc, id desc""",
                SignalEvents::event,
                tenantId,
                companyId,
                Date.valueOf(since == null ? LocalDate.of(1900, 1, 1) : since));
    }

    /**
     * A detected signal ready to store: for which company, effective when, from which run; {@code tenantId} null for a
     * registry event (everybody's), else the one tenant whose own data fired it.
     */
    public record Fired(
            long companyId,
            DetectedSignal detected,
            LocalDate effectiveDate,
            String source,
            String extract,
            long runId,
            UUID tenantId) {

        public Fired(
                long companyId,
                DetectedSignal detected,
                LocalDate effectiveDate,
                String source,
                String extract,
                long runId) {
            this(companyId, detected, effectiveDate, source, extract, runId, null);
        }
    }
}
