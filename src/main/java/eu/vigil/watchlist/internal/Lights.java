package eu.vigil.watchlist.internal;

import eu.vigil.watchlist.WatchlistProperties;
import eu.vigil.watchlist.WatchlistProperties.RedRule;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Each watched company's traffic light from its signal events, by the configured rules: red while a
 * red signal is not followed by one that ends it, amber for a recent negative signal of a listed
 * severity, else green. Stored in {@code company_light} so lists can filter and sort by it.
 */
@Component
public class Lights {

    private final DataSource dataSource;
    private final WatchlistProperties properties;

    Lights(DataSource dataSource, WatchlistProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** A company's light and the signal behind it (none for green). */
    public record Light(String light, String code, LocalDate date) {
    }

    private record Event(String code, String polarity, String severity, LocalDate date, long id) {
    }

    /** Recomputes and stores the lights of these companies, on the caller's transaction. */
    public void refresh(Collection<Long> companyIds) {
        if (companyIds.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now();
        LocalDate amberSince = today.minusMonths(properties.amberMonths());
        Set<String> redCodes = new HashSet<>();
        for (RedRule rule : properties.red()) {
            redCodes.add(rule.code());
            redCodes.addAll(rule.until());
        }
        Map<Long, List<Event>> events = new HashMap<>(companyIds.size() * 2);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Array ids = connection.createArrayOf("bigint", companyIds.toArray());
            try (PreparedStatement select = connection.prepareStatement("""
                    select company_id, code, polarity, severity, effective_date, id from signal_event
                    where company_id = any(?::bigint[]) and (code = any(?::text[]) or (polarity = 'negative' and effective_date >= ?))
                    order by company_id, effective_date desc, id desc""")) {
                select.setArray(1, ids);
                select.setArray(2, connection.createArrayOf("text", redCodes.toArray()));
                select.setDate(3, Date.valueOf(amberSince));
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Event(rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(), rs.getLong(6)));
                    }
                }
            }
            Map<Long, java.sql.Timestamp> lastNegative = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select company_id, max(detected_at) from signal_event
                    where company_id = any(?::bigint[]) and polarity = 'negative' group by company_id""")) {
                select.setArray(1, ids);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        lastNegative.put(rs.getLong(1), rs.getTimestamp(2));
                    }
                }
            }
            List<Long> all = List.copyOf(companyIds);
            for (int from = 0; from < all.size(); from += 20_000) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 20_000));
                Long[] ids2 = chunk.toArray(Long[]::new);
                String[] lights = new String[ids2.length];
                String[] codes = new String[ids2.length];
                Date[] dates = new Date[ids2.length];
                java.sql.Timestamp[] negatives = new java.sql.Timestamp[ids2.length];
                for (int i = 0; i < ids2.length; i++) {
                    Light light = decide(events.getOrDefault(ids2[i], List.of()), amberSince);
                    lights[i] = light.light();
                    codes[i] = light.code();
                    dates[i] = light.date() == null ? null : Date.valueOf(light.date());
                    negatives[i] = lastNegative.get(ids2[i]);
                }
                try (PreparedStatement upsert = connection.prepareStatement("""
                        insert into company_light (company_id, light, code, effective_date, negative_detected_at, computed_at)
                        select *, now() from unnest(?::bigint[], ?::text[], ?::text[], ?::date[], ?::timestamptz[])
                        on conflict (company_id) do update set light = excluded.light, code = excluded.code,
                            effective_date = excluded.effective_date, negative_detected_at = excluded.negative_detected_at,
                            computed_at = excluded.computed_at""")) {
                    upsert.setArray(1, connection.createArrayOf("bigint", ids2));
                    upsert.setArray(2, connection.createArrayOf("text", lights));
                    upsert.setArray(3, connection.createArrayOf("text", codes));
                    upsert.setArray(4, connection.createArrayOf("date", dates));
                    upsert.setArray(5, connection.createArrayOf("timestamptz", negatives));
                    upsert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute traffic lights: " + e.getMessage(), e);
        }
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
            if (event.polarity().equals("negative") && !event.date().isBefore(amberSince)
                    && properties.amberSeverities().contains(event.severity().toLowerCase(Locale.ROOT))) {
                return new Light("amber", event.code(), event.date());
            }
        }
        return new Light("green", null, null);
    }

    /** Companies watched by anyone whose events arrived after their light was computed, or whose light is a day old. */
    public List<Long> stale() {
        List<Long> ids = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement("""
                select w.company_id from (select distinct company_id from watchlist_entry where company_id is not null) w
                left join company_light l on l.company_id = w.company_id
                where l.company_id is null or l.computed_at < now() - interval '1 day'
                   or exists (select 1 from signal_event s where s.company_id = w.company_id and s.detected_at > l.computed_at)""")) {
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
