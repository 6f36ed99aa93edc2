package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertingProperties;
import eu.vigil.signal.SignalEvents;
import eu.vigil.signal.SignalEvents.RecordedEvent;
import eu.vigil.watchlist.WatchedCompanies;
import eu.vigil.watchlist.WatchedCompanies.Watch;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns signal events into alerts, set-based: the events joined with the entries watching their companies and the
 * rules of those entries' tenants, one INSERT per batch of entries; then, in the same transaction, {@link Outbox}
 * schedules their rows (immediate emails and digests), one per (group, recipient). Digest rows are written then, with the alerts, rather
 * than by a job at the digest hour: the alerts' own transaction and the outbox's unique key make them exactly once,
 * and at the hour the workers of every instance simply find them due. A batch seen before inserts nothing (unique per tenant, rule
 * and event), so it writes no outbox row either.
 */
@Component
public class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    /** Severities in rank order, as signal events store them. */
    private static final String SEVERITIES = "array['info','low','medium','high','critical']";

    /** Whether watch entry {@code w} is in rule {@code r}'s scope: the part of {@link #MATCHES} about the entry. */
    private static final String IN_SCOPE = """
            (cardinality(r.watchlists) = 0 or w.watchlist_id = any(r.watchlists))
                     and (cardinality(r.relationships) = 0 or w.relationship = any(r.relationships))
                     and (cardinality(r.tags) = 0 or w.tags && r.tags)
                     and (cardinality(r.owners) = 0 or w.owner_id = any(r.owners))
                     and (r.min_exposure is null or w.exposure >= r.min_exposure)""";

    /**
     * Whether rule {@code r} matches event {@code e} on watch entry {@code w}: the one definition of a match, for the
     * fan-out and for the editor's preview. {@code e} has code, category, polarity, severity; {@code w} has
     * watchlist_id, relationship, tags (text[]), owner_id, exposure; {@code r} has the columns of {@code alert_rule}.
     */
    static final String MATCHES = """
            (cardinality(r.signals) = 0 or e.code = any(r.signals))
                     and (cardinality(r.categories) = 0 or e.category = any(r.categories))
                     and (cardinality(r.polarities) = 0 or e.polarity = any(r.polarities))
                     and array_position(%1$s, e.severity::text) >= array_position(%1$s, r.min_severity::text)
                     and %2$s""".formatted(SEVERITIES, IN_SCOPE);

    private final DataSource dataSource;
    private final SignalEvents events;
    private final WatchedCompanies watched;
    private final Outbox outbox;
    private final AlertingProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    FanOut(
            DataSource dataSource,
            SignalEvents events,
            WatchedCompanies watched,
            Outbox outbox,
            AlertingProperties properties,
            PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.events = events;
        this.watched = watched;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** What one batch of events produced. */
    public record Result(int alerts, int outboxRows) {}

    /**
     * Each slice of the watching entries commits its alerts with their outbox rows in a transaction of its own (or in
     * the caller's, if there is one), so the senders start on the first slice's emails while the next are written.
     * Handled again after a failure, the slices already committed insert nothing. {@code companyIds} are the companies
     * the events are about, as {@link eu.vigil.signal.SignalEventsRecorded} carries them.
     */
    public Result fanOut(List<Long> eventIds, Collection<Long> companyIds) {
        if (eventIds.isEmpty()) {
            return new Result(0, 0);
        }
        long started = System.nanoTime();
        // most events are about companies no one watches (a bureau feed covers them all): those are never read
        List<Watch> watches = watched.watching(companyIds);
        if (watches.isEmpty()) {
            return new Result(0, 0);
        }
        List<RecordedEvent> recorded = events.byIds(
                eventIds, watches.stream().map(Watch::companyId).distinct().toList());
        log.debug(
                "Fan-out of {} signal events: {} of them on the {} watch entries' companies, read in {} ms",
                eventIds.size(),
                recorded.size(),
                watches.size(),
                (System.nanoTime() - started) / 1_000_000);
        int alerts = 0;
        int outboxRows = 0;
        for (List<Watch> slice : slices(watches, properties.fanOutBatch())) {
            Result result = transactions.execute(status -> {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    long sliceStarted = System.nanoTime();
                    List<Long> ids = insertAlerts(connection, recorded, slice);
                    long alerted = System.nanoTime();
                    int rows = ids.isEmpty() ? 0 : outbox.schedule(connection, ids);
                    log.debug(
                            "Fan-out slice of {} watch entries: {} alerts in {} ms, {} outbox rows in {} ms",
                            slice.size(),
                            ids.size(),
                            (alerted - sliceStarted) / 1_000_000,
                            rows,
                            (System.nanoTime() - alerted) / 1_000_000);
                    return new Result(ids.size(), rows);
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "Could not fan signal events out into alerts: " + e.getMessage(), e);
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            });
            alerts += result.alerts();
            outboxRows += result.outboxRows();
        }
        return new Result(alerts, outboxRows);
    }

    /** What a rule would have raised: {@code alerts} signal events about {@code companies} companies. */
    public record Preview(long alerts, long companies) {}

    /**
     * What {@code rule} (saved or not) would have raised for its tenant from the signal events detected since
     * {@code since}, over the tenant's watch entries as they are now: one alert per event, as the fan-out counts, with
     * the same match; and, as the fan-out, only through entries that were on a list when the event was detected, and
     * only events everybody shares or that are this tenant's own.
     */
    public Preview preview(AlertRule rule, Instant since) {
        // reads watchlist_entry directly, as one set-based join: through the watchlist API it would be a row per entry
        String sql = """
                select count(distinct e.id), count(distinct e.company_id)
                from signal_event e
                join watchlist_entry w on w.company_id = e.company_id and w.tenant_id = ? and w.added_at <= e.detected_at
                cross join (select ?::text[] as signals, ?::text[] as categories, ?::text[] as polarities, ?::text as min_severity,
                                   ?::uuid[] as watchlists, ?::text[] as relationships, ?::text[] as tags, ?::uuid[] as owners,
                                   ?::numeric as min_exposure) r
                where e.detected_at >= ? and (e.tenant_id is null or e.tenant_id = w.tenant_id) and %s""".formatted(MATCHES);
        return jdbc.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(sql);
                    int p = 1;
                    select.setObject(p++, rule.getTenantId());
                    select.setArray(p++, connection.createArrayOf("text", rule.getSignals()));
                    select.setArray(p++, connection.createArrayOf("text", rule.getCategories()));
                    select.setArray(p++, connection.createArrayOf("text", rule.getPolarities()));
                    select.setString(p++, rule.getMinSeverity());
                    select.setArray(p++, connection.createArrayOf("uuid", rule.getWatchlists()));
                    select.setArray(p++, connection.createArrayOf("text", rule.getRelationships()));
                    select.setArray(p++, connection.createArrayOf("text", rule.getTags()));
                    select.setArray(p++, connection.createArrayOf("uuid", rule.getOwners()));
                    select.setBigDecimal(p++, rule.getMinExposure());
                    select.setTimestamp(p, Timestamp.from(since));
                    return select;
                },
                rs -> {
                    rs.next();
                    return new Preview(rs.getLong(1), rs.getLong(2));
                });
    }

    /**
     * Which of the tenant's rules that write to the matching entry's owner can reach this person: those whose scope holds
     * at least one watch entry they own, the entries the fan-out would take their owners from.
     */
    public Set<UUID> ownerRulesReaching(UUID tenantId, UUID userId) {
        // reads watchlist_entry directly, as the preview does: one set-based query over the person's entries
        return new HashSet<>(jdbc.queryForList("""
                select r.id from alert_rule r
                where r.tenant_id = ? and r.recipient_owner
                  and exists (select 1 from watchlist_entry w where w.tenant_id = r.tenant_id and w.owner_id = ? and %s)""".formatted(IN_SCOPE), UUID.class, tenantId, userId));
    }

    /** Slices of at most about {@code size} entries, never splitting one tenant's entries on one company. */
    static List<List<Watch>> slices(List<Watch> watches, int size) {
        List<List<Watch>> slices = new ArrayList<>();
        int from = 0;
        while (from < watches.size()) {
            int to = Math.min(watches.size(), from + size);
            while (to < watches.size() && sameTenantAndCompany(watches.get(to - 1), watches.get(to))) {
                to++;
            }
            slices.add(watches.subList(from, to));
            from = to;
        }
        return slices;
    }

    private static boolean sameTenantAndCompany(Watch a, Watch b) {
        return a.companyId() == b.companyId() && a.tenantId().equals(b.tenantId());
    }

    private List<Long> insertAlerts(Connection connection, List<RecordedEvent> recorded, List<Watch> slice)
            throws SQLException {
        int n = recorded.size();
        Long[] eventIds = new Long[n];
        Long[] eventCompanies = new Long[n];
        String[] codes = new String[n];
        String[] categories = new String[n];
        String[] polarities = new String[n];
        String[] severities = new String[n];
        Date[] dates = new Date[n];
        Timestamp[] detected = new Timestamp[n];
        UUID[] eventTenants = new UUID[n];
        for (int i = 0; i < n; i++) {
            RecordedEvent e = recorded.get(i);
            eventIds[i] = e.id();
            eventCompanies[i] = e.companyId();
            codes[i] = e.event().code();
            categories[i] = e.event().category().key();
            polarities[i] = e.event().polarity().key();
            severities[i] = e.event().severity().key();
            dates[i] = Date.valueOf(e.event().effectiveDate());
            detected[i] = Timestamp.from(e.event().detectedAt());
            eventTenants[i] = e.tenantId();
        }
        int m = slice.size();
        UUID[] tenants = new UUID[m];
        Long[] companies = new Long[m];
        String[] countries = new String[m];
        String[] numbers = new String[m];
        UUID[] lists = new UUID[m];
        String[] relationships = new String[m];
        String[] tags = new String[m];
        UUID[] owners = new UUID[m];
        java.math.BigDecimal[] exposures = new java.math.BigDecimal[m];
        Timestamp[] added = new Timestamp[m];
        for (int i = 0; i < m; i++) {
            Watch w = slice.get(i);
            tenants[i] = w.tenantId();
            companies[i] = w.companyId();
            countries[i] = w.country();
            numbers[i] = w.number();
            lists[i] = w.watchlistId();
            relationships[i] = w.relationship().name();
            tags[i] = String.join("\u001f", w.tags());
            owners[i] = w.ownerId();
            exposures[i] = w.exposure();
            added[i] = Timestamp.from(w.addedAt());
        }
        // an entry added after the event was detected did not watch it then: its past is the flashback's, not an alert
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into alert (tenant_id, rule_id, signal_event_id, company_id, country, number, code, polarity, severity,
                                   effective_date, watchlist_ids, owner_ids, state, created_at)
                select w.tenant_id, r.id, e.id, e.company_id, min(w.country), min(w.number), e.code, e.polarity, e.severity,
                       e.effective_date, array_agg(distinct w.watchlist_id),
                       coalesce(array_agg(distinct w.owner_id) filter (where w.owner_id is not null), '{}'), 'NEW', now()
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::timestamptz[],
                            ?::uuid[])
                         as e(id, company_id, code, category, polarity, severity, effective_date, detected_at, tenant_id)
                join (select tenant_id, company_id, country, number, watchlist_id, relationship,
                             string_to_array(tags, chr(31)) as tags, owner_id, exposure, added_at
                      from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::uuid[],
                                  ?::numeric[], ?::timestamptz[])
                           as u(tenant_id, company_id, country, number, watchlist_id, relationship, tags, owner_id, exposure,
                                added_at)) w
                     on w.company_id = e.company_id and w.added_at <= e.detected_at
                        and (e.tenant_id is null or e.tenant_id = w.tenant_id)
                join alert_rule r on r.tenant_id = w.tenant_id and r.enabled and %s
                group by w.tenant_id, r.id, e.id, e.company_id, e.code, e.polarity, e.severity, e.effective_date
                on conflict (tenant_id, rule_id, signal_event_id) do nothing
                returning id""".formatted(MATCHES))) {
            int p = 1;
            insert.setArray(p++, connection.createArrayOf("bigint", eventIds));
            insert.setArray(p++, connection.createArrayOf("bigint", eventCompanies));
            insert.setArray(p++, connection.createArrayOf("text", codes));
            insert.setArray(p++, connection.createArrayOf("text", categories));
            insert.setArray(p++, connection.createArrayOf("text", polarities));
            insert.setArray(p++, connection.createArrayOf("text", severities));
            insert.setArray(p++, connection.createArrayOf("date", dates));
            insert.setArray(p++, connection.createArrayOf("timestamptz", detected));
            insert.setArray(p++, connection.createArrayOf("uuid", eventTenants));
            insert.setArray(p++, connection.createArrayOf("uuid", tenants));
            insert.setArray(p++, connection.createArrayOf("bigint", companies));
            insert.setArray(p++, connection.createArrayOf("text", countries));
            insert.setArray(p++, connection.createArrayOf("text", numbers));
            insert.setArray(p++, connection.createArrayOf("uuid", lists));
            insert.setArray(p++, connection.createArrayOf("text", relationships));
            insert.setArray(p++, connection.createArrayOf("text", tags));
            insert.setArray(p++, connection.createArrayOf("uuid", owners));
            insert.setArray(p++, connection.createArrayOf("numeric", exposures));
            insert.setArray(p, connection.createArrayOf("timestamptz", added));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }
}
