package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatuses;
import eu.vigil.signal.Polarity;
import eu.vigil.signal.Severity;
import eu.vigil.signal.SignalQueries;
import eu.vigil.watchlist.WatchlistProperties;
import eu.vigil.watchlist.WatchlistProperties.RedRule;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Each watched company's traffic light from its signal events (read through {@link SignalQueries}), by the
 * configured rules: red while a red signal is not followed by one that ends it, amber for a recent negative
 * signal of a listed severity, else green; and at least as dark as the company's {@link CompanyStatus} makes it (red in
 * administration, receivership or a moratorium until it ends, amber while a strike-off is pending). Stored in {@code company_light} so lists can filter and sort by it.
 */
@Component
public class Lights {

    private final DataSource dataSource;
    private final SignalQueries signals;
    private final WatchlistProperties properties;
    private final CompanyStatuses statuses;

    Lights(DataSource dataSource, SignalQueries signals, WatchlistProperties properties, CompanyStatuses statuses) {
        this.dataSource = dataSource;
        this.signals = signals;
        this.properties = properties;
        this.statuses = statuses;
    }

    /** A company's light and the signal behind it (none for green). */
    public record Light(String light, String code, LocalDate date) {}

    private record Event(String code, Polarity polarity, Severity severity, LocalDate date, long id) {}

    /** Recomputes and stores the lights of these companies, on the caller's transaction. */
    public void refresh(Collection<Long> companyIds) {
        if (companyIds.isEmpty()) {
            return;
        }
        LocalDate amberSince = amberSince();
        Map<Long, List<Event>> events = events(companyIds, amberSince);
        Map<Long, Instant> lastNegative = signals.lastNegativeDetected(companyIds);
        Map<Long, CompanyStatus> status = statuses.of(companyIds);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // in id order, so that refreshes running side by side lock company_light rows in the same order
            List<Long> all = companyIds.stream().sorted().toList();
            for (int from = 0; from < all.size(); from += 20_000) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 20_000));
                Long[] ids = chunk.toArray(Long[]::new);
                String[] lights = new String[ids.length];
                String[] codes = new String[ids.length];
                Date[] dates = new Date[ids.length];
                Timestamp[] negatives = new Timestamp[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    Light light = decide(events.getOrDefault(ids[i], List.of()), amberSince, status.get(ids[i]));
                    lights[i] = light.light();
                    codes[i] = light.code();
                    dates[i] = light.date() == null ? null : Date.valueOf(light.date());
                    Instant negative = lastNegative.get(ids[i]);
                    negatives[i] = negative == null ? null : Timestamp.from(negative);
                }
                try (PreparedStatement upsert = connection.prepareStatement("""
                        insert into company_light (company_id, light, code, effective_date, negative_detected_at, computed_at)
                        select *, now() from unnest(?::bigint[], ?::text[], ?::text[], ?::date[], ?::timestamptz[])
                        on conflict (company_id) do update set light = excluded.light, code = excluded.code,
                            effective_date = excluded.effective_date, negative_detected_at = excluded.negative_detected_at,
                            computed_at = excluded.computed_at""")) {
                    upsert.setArray(1, connection.createArrayOf("bigint", ids));
                    upsert.setArray(2, connection.createArrayOf("text", lights));
                    upsert.setArray(3, connection.createArrayOf("text", codes));
                    upsert.setArray(4, connection.createArrayOf("date", dates));
                    upsert.setArray(5, connection.createArrayOf("timestamptz", negatives));
                    upsert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store traffic lights: " + e.getMessage(), e);
        }
    }

    /**
     * Of these companies, the ones that have a light: every company that is or was on a list has one
     * from the moment it is enrolled or matched (a primary-key look-up, unlike the entries).
     */
    public Set<Long> litAmong(Collection<Long> companyIds) {
        Set<Long> lit = new HashSet<>();
        if (companyIds.isEmpty()) {
            return lit;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement(
                "select company_id from company_light where company_id = any(?::bigint[])")) {
            select.setArray(1, connection.createArrayOf("bigint", companyIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lit.add(rs.getLong(1));
                }
            }
            return lit;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read traffic lights: " + e.getMessage(), e);
        }
    }

    /**
     * These companies' lights as their events make them now, computed and not stored: for a reader that must not wait
     * on, or lock, the stored rows (an alert email being composed while other senders compose the same company's).
     */
    public Map<Long, String> current(Collection<Long> companyIds) {
        Map<Long, String> lights = new HashMap<>(companyIds.size() * 2);
        if (companyIds.isEmpty()) {
            return lights;
        }
        LocalDate amberSince = amberSince();
        Map<Long, List<Event>> events = events(companyIds, amberSince);
        Map<Long, CompanyStatus> status = statuses.of(companyIds);
        for (Long id : companyIds) {
            lights.put(
                    id,
                    decide(events.getOrDefault(id, List.of()), amberSince, status.get(id))
                            .light());
        }
        return lights;
    }

    /** One company's light now, with the signal behind it and its date: for the company page. */
    public Light of(long companyId) {
        LocalDate amberSince = amberSince();
        return decide(
                events(List.of(companyId), amberSince).getOrDefault(companyId, List.of()),
                amberSince,
                statuses.of(companyId));
    }

    private static final List<String> DARKNESS = List.of("green", "amber", "red");

    /** The events' light, or the status's when that is darker: the status names the signal that opened it, and its date. */
    Light decide(List<Event> newestFirst, LocalDate amberSince, CompanyStatus status) {
        Light byEvents = decide(newestFirst, amberSince);
        if (status == null || DARKNESS.indexOf(status.light()) <= DARKNESS.indexOf(byEvents.light())) {
            return byEvents;
        }
        return new Light(status.light(), status.signalCode(), status.since());
    }

    private LocalDate amberSince() {
        return LocalDate.now().minusMonths(properties.amberMonths());
    }

    /** Each company's events that can decide its light, newest first. */
    private Map<Long, List<Event>> events(Collection<Long> companyIds, LocalDate amberSince) {
        Set<String> redCodes = new HashSet<>();
        for (RedRule rule : properties.red()) {
            redCodes.add(rule.code());
            redCodes.addAll(rule.until());
        }
        Map<Long, List<Event>> events = new HashMap<>(companyIds.size() * 2);
        for (SignalQueries.EventFact fact : signals.withCodesOrNegativeSince(companyIds, redCodes, amberSince)) {
            events.computeIfAbsent(fact.companyId(), k -> new ArrayList<>())
                    .add(new Event(fact.code(), fact.polarity(), fact.severity(), fact.effectiveDate(), fact.id()));
        }
        return events;
    }

    /** {@code newestFirst}: the company's events, newest first. */
    Light decide(List<Event> newestFirst, LocalDate amberSince) {
        Event red = null;
        for (RedRule rule : properties.red()) {
            for (Event event : newestFirst) {
                if (rule.until().contains(event.code())) {
                    break;
                }
                if (event.code().equals(rule.code())) {
                    if (red == null || event.date().isAfter(red.date())) {
                        red = event;
                    }
                    break;
                }
            }
        }
        if (red != null) {
            return new Light("red", red.code(), red.date());
        }
        for (Event event : newestFirst) {
            if (event.polarity() == Polarity.NEGATIVE
                    && !event.date().isBefore(amberSince)
                    && properties.amberSeverities().contains(event.severity().key())) {
                return new Light("amber", event.code(), event.date());
            }
        }
        return new Light("green", null, null);
    }

    /**
     * Watched companies whose light was never computed or is a day old: an amber light fades with time
     * alone, without any event to say so.
     */
    public List<Long> stale() {
        List<Long> ids = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement("""
                select w.company_id from (select distinct company_id from watchlist_entry where company_id is not null) w
                left join company_light l on l.company_id = w.company_id
                where l.company_id is null or l.computed_at < now() - interval '1 day'""")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find stale traffic lights: " + e.getMessage(), e);
        }
    }
}
