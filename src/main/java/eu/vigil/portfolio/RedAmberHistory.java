package eu.vigil.portfolio;

import eu.vigil.watchlist.WatchlistProperties;
import eu.vigil.watchlist.WatchlistProperties.RedRule;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many of a tenant's watched companies were red, and amber, at the end of each of the last 12 months, by the
 * traffic-light rules applied to the signal history as it was then (red: a red signal not ended by a later one; amber:
 * a negative signal of an amber severity within the amber months, and not red).
 */
@Component
class RedAmberHistory {

    static final int MONTHS = 12;

    private final JdbcTemplate jdbc;
    private final WatchlistProperties rules;
    private final Clock clock;

    RedAmberHistory(JdbcTemplate jdbc, WatchlistProperties rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    List<Portfolio.Month> months(UUID tenant) {
        return compute(tenant, LocalDate.now(clock));
    }

    List<Portfolio.Month> compute(UUID tenant, LocalDate today) {
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS - 1);
        LocalDate end = today.withDayOfMonth(1).plusMonths(1);
        Set<String> redCodes = new LinkedHashSet<>();
        String[] codes = new String[rules.red().size()];
        String[] until = new String[rules.red().size()];
        for (int i = 0; i < codes.length; i++) {
            RedRule rule = rules.red().get(i);
            codes[i] = rule.code();
            until[i] = String.join(",", rule.until());
            redCodes.add(rule.code());
            redCodes.addAll(rule.until());
        }
        // reads watchlist_entry and signal_event directly: a year of the whole portfolio in one aggregate query
        return jdbc.query(
                """
                with watched as (
                    select distinct company_id from watchlist_entry where tenant_id = ? and company_id is not null
                ), red_rule as (
                    select code, string_to_array(until, ',') as until from unnest(?::text[], ?::text[]) as r(code, until)
                ), ev as materialized (
                    select s.company_id, s.code, s.polarity, s.severity, s.effective_date
                    from signal_event s join watched w on w.company_id = s.company_id
                    where s.effective_date < ?::date and s.tenant_id is null
                      and (s.code = any(?::text[])
                           or (s.polarity = 'negative' and s.severity = any(?::text[]) and s.effective_date >= ?::date))
                ), months as (
                    select m::date as m, (m + interval '1 month')::date as e
                    from generate_series(?::date, ?::date, interval '1 month') m
                ), red as (
                    select distinct months.m, r.company_id
                    from months join ev r on r.effective_date < months.e join red_rule rr on rr.code = r.code
                    where not exists (select 1 from ev u where u.company_id = r.company_id and u.code = any(rr.until)
                                                          and u.effective_date >= r.effective_date and u.effective_date < months.e)
                ), amber as (
                    select distinct months.m, a.company_id
                    from months join ev a on a.effective_date < months.e
                                         and a.effective_date >= (months.e - interval '1 day' - make_interval(months => ?))::date
                    where a.polarity = 'negative' and a.severity = any(?::text[])
                      and not exists (select 1 from red where red.m = months.m and red.company_id = a.company_id)
                )
                select months.m, (select count(*) from red where red.m = months.m),
                       (select count(*) from amber where amber.m = months.m)
                from months order by months.m""",
                (rs, n) -> new Portfolio.Month(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)),
                tenant,
                codes,
                until,
                Date.valueOf(end),
                redCodes.toArray(String[]::new),
                rules.amberSeverities().toArray(String[]::new),
                Date.valueOf(first.minusMonths(rules.amberMonths())),
                Date.valueOf(first),
                Date.valueOf(end.minusMonths(1)),
                rules.amberMonths(),
                rules.amberSeverities().toArray(String[]::new));
    }
}
