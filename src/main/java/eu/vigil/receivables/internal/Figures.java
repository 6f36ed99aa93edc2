package eu.vigil.receivables.internal;

import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.InternalSignals;
import eu.vigil.signal.SignalEvents;
import eu.vigil.signal.SignalEvents.Fired;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Every customer's figures of one tenant, recomputed from the whole ledger in one aggregate query, compared with the
 * figures the previous load left, stored, and turned into the receivables signals that fire.
 */
@Component
class Figures {

    private static final Logger log = LoggerFactory.getLogger(Figures.class);

    /** DBT's window of settled invoices, and how far back its trend looks. */
    static final int DBT_WINDOW_DAYS = 90;

    private final DataSource dataSource;
    private final InternalSignals signals;
    private final SignalEvents events;

    Figures(DataSource dataSource, InternalSignals signals, SignalEvents events) {
        this.dataSource = dataSource;
        this.signals = signals;
        this.events = events;
    }

    /** What a recomputation found: customers, those without a watchlist entry, and the events it recorded. */
    record Outcome(int customers, int unknown, List<SignalEvents.Stored> events) {}

    private record Row(
            String key,
            String ref,
            String country,
            String number,
            Long companyId,
            Long entryId,
            BigDecimal outstanding,
            BigDecimal notDue,
            BigDecimal b1,
            BigDecimal b2,
            BigDecimal b3,
            BigDecimal b4,
            int maxDaysOverdue,
            BigDecimal dbt,
            BigDecimal dbtBefore,
            BigDecimal dso,
            BigDecimal onTimeShare,
            int paid12m,
            String largestNo,
            BigDecimal largest,
            BigDecimal creditLimit,
            BigDecimal utilisation,
            int monthsOnTime,
            String[] missingRates) {

        InternalSignals.Figures figures() {
            return new InternalSignals.Figures(outstanding, utilisation, maxDaysOverdue, dbt, dbtBefore, monthsOnTime);
        }
    }

    // reads watchlist_entry directly (the watchlist module's table): linking every customer through its API would cost
    // a query per customer; the tenant is named in every part
    private static final String COMPUTE = """
            with p as (select ?::uuid as tenant, ?::date as d, ?::text as cur),
            it as (
                select i.customer_key, i.customer_ref, i.country, i.number, i.doc_type, i.document_no, i.document_date,
                       i.due_date, i.paid_date, i.currency,
                       i.amount * (case when i.currency = p.cur then 1 else r.rate end) as amt,
                       (i.currency <> p.cur and r.rate is null) as no_rate
                from receivable_item i cross join p
                left join receivable_rate r on r.tenant_id = p.tenant and r.currency = i.currency
                where i.tenant_id = p.tenant
            ),
            c as (
                select it.customer_key,
                       min(customer_ref) as ref, min(country) as country, min(number) as number,
                       coalesce(sum(amt) filter (where paid_date is null), 0) as outstanding,
                       coalesce(sum(amt) filter (where paid_date is null and due_date >= p.d), 0) as not_due,
                       coalesce(sum(amt) filter (where paid_date is null and p.d - due_date between 1 and 30), 0) as b1,
                       coalesce(sum(amt) filter (where paid_date is null and p.d - due_date between 31 and 60), 0) as b2,
                       coalesce(sum(amt) filter (where paid_date is null and p.d - due_date between 61 and 90), 0) as b3,
                       coalesce(sum(amt) filter (where paid_date is null and p.d - due_date > 90), 0) as b4,
                       coalesce(max(p.d - due_date) filter (where paid_date is null and doc_type = 'INVOICE'
                                                                   and due_date < p.d), 0) as max_days,
                       sum(amt * greatest(coalesce(paid_date, p.d) - due_date, 0))
                           filter (where doc_type = 'INVOICE' and amt > 0
                                         and (paid_date is null or paid_date > p.d - %1$d))
                         / nullif(sum(amt) filter (where doc_type = 'INVOICE' and amt > 0
                                                         and (paid_date is null or paid_date > p.d - %1$d)), 0) as dbt,
                       sum(amt) filter (where doc_type = 'INVOICE' and document_date > p.d - %1$d) as sales,
                       count(*) filter (where doc_type = 'INVOICE' and paid_date > p.d - 365 and paid_date <= p.d
                                              and paid_date <= due_date) as on_time,
                       count(*) filter (where doc_type = 'INVOICE' and paid_date > p.d - 365 and paid_date <= p.d) as paid,
                       (array_agg(document_no order by amt desc, document_no)
                            filter (where paid_date is null and doc_type = 'INVOICE' and due_date < p.d))[1] as largest_no,
                       max(amt) filter (where paid_date is null and doc_type = 'INVOICE' and due_date < p.d) as largest,
                       bool_or(paid_date is null and doc_type = 'INVOICE' and due_date < p.d) as overdue_now,
                       max(paid_date) filter (where doc_type = 'INVOICE' and paid_date > due_date) as last_late,
                       min(document_date) as first_document,
                       coalesce(array_agg(distinct currency) filter (where no_rate), '{}') as missing
                from it cross join p group by it.customer_key
            ),
            by_ref as (
                select distinct on (lower(reference)) lower(reference) as r, id, company_id, credit_limit, limit_currency
                from watchlist_entry, p where tenant_id = p.tenant and reference is not null
                order by lower(reference), credit_limit desc nulls last, id
            ),
            by_number as (
                select distinct on (country, number) country, number, id, company_id, credit_limit, limit_currency
                from watchlist_entry, p where tenant_id = p.tenant
                order by country, number, credit_limit desc nulls last, id
            ),
            linked as (
                select c.*, coalesce(r.id, n.id) as entry_id, coalesce(r.company_id, n.company_id) as company_id,
                       case when r.id is not null then r.credit_limit else n.credit_limit end as credit_limit,
                       case when r.id is not null then r.limit_currency else n.limit_currency end as limit_currency
                from c left join by_ref r on r.r = lower(c.ref)
                       left join by_number n on n.country = c.country and n.number = c.number
            )
            select l.customer_key, l.ref, l.country, l.number, l.company_id, l.entry_id, l.outstanding, l.not_due, l.b1, l.b2,
                   l.b3, l.b4, l.max_days, round(l.dbt, 1), round(h.dbt, 1),
                   round(case when l.sales > 0 then greatest(l.outstanding, 0) / l.sales * %1$d end, 1),
                   case when l.paid > 0 then round(l.on_time::numeric / l.paid, 4) end, l.paid::int,
                   l.largest_no, l.largest,
                   round(l.credit_limit * (case when coalesce(l.limit_currency, p.cur) = p.cur then 1 else lr.rate end), 2),
                   case when l.credit_limit > 0
                        then round(l.outstanding * 100 / (l.credit_limit
                                   * (case when coalesce(l.limit_currency, p.cur) = p.cur then 1 else lr.rate end)), 4)
                   end,
                   case when l.overdue_now or l.paid = 0 then 0
                        else ((extract(year from age(p.d, coalesce(l.last_late, l.first_document))) * 12)
                              + extract(month from age(p.d, coalesce(l.last_late, l.first_document))))::int
                   end,
                   l.missing
            from linked l cross join p
            left join receivable_rate lr on lr.tenant_id = p.tenant and lr.currency = l.limit_currency
            left join lateral (select dbt from receivable_figure_history hh
                               where hh.tenant_id = p.tenant and hh.customer_key = l.customer_key
                                 and hh.as_of <= p.d - %1$d
                               order by hh.as_of desc limit 1) h on true
            """.formatted(DBT_WINDOW_DAYS);

    Outcome recompute(UUID tenant, long loadId, LocalDate asOf, String currency) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long started = System.nanoTime();
            Map<String, InternalSignals.Figures> before = before(connection, tenant);
            long read = System.nanoTime();
            List<Row> rows = compute(connection, tenant, asOf, currency);
            long computed = System.nanoTime();
            store(connection, tenant, loadId, currency, rows);
            long stored = System.nanoTime();
            List<Fired> fired = new ArrayList<>();
            int unknown = 0;
            for (Row row : rows) {
                if (row.entryId() == null) {
                    unknown++;
                }
                if (row.companyId() == null) {
                    continue;
                }
                for (DetectedSignal signal : signals.detect(before.get(row.key()), row.figures())) {
                    fired.add(new Fired(
                            row.companyId(),
                            signal.datedIfUndated(asOf),
                            asOf,
                            "receivables",
                            "receivables load " + loadId,
                            loadId,
                            tenant));
                }
            }
            List<SignalEvents.Stored> ids = events.record(connection, fired);
            log.debug(
                    "Receivables figures of {} customers: previous read in {} ms, computed in {} ms, stored in {} ms, {} "
                            + "signals detected and recorded in {} ms",
                    rows.size(),
                    (read - started) / 1_000_000,
                    (computed - read) / 1_000_000,
                    (stored - computed) / 1_000_000,
                    ids.size(),
                    (System.nanoTime() - stored) / 1_000_000);
            return new Outcome(rows.size(), unknown, ids);
        } catch (SQLException e) {
            throw LedgerStore.failed("recompute the customers' figures", e);
        }
    }

    private Map<String, InternalSignals.Figures> before(Connection connection, UUID tenant) throws SQLException {
        Map<String, InternalSignals.Figures> figures = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select f.customer_key, f.outstanding, f.utilisation, f.max_days_overdue, f.dbt, f.dbt_trend, f.months_on_time
                from receivable_figure f where f.tenant_id = ?""")) {
            select.setObject(1, tenant);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    BigDecimal dbt = rs.getBigDecimal(5);
                    BigDecimal trend = rs.getBigDecimal(6);
                    figures.put(
                            rs.getString(1),
                            new InternalSignals.Figures(
                                    rs.getBigDecimal(2),
                                    rs.getBigDecimal(3),
                                    rs.getInt(4),
                                    dbt,
                                    dbt == null || trend == null ? null : dbt.subtract(trend),
                                    rs.getInt(7)));
                }
            }
        }
        return figures;
    }

    private List<Row> compute(Connection connection, UUID tenant, LocalDate asOf, String currency) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(COMPUTE)) {
            select.setObject(1, tenant);
            select.setDate(2, Date.valueOf(asOf));
            select.setString(3, currency);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Array missing = rs.getArray(24);
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            (Long) rs.getObject(5),
                            (Long) rs.getObject(6),
                            money(rs.getBigDecimal(7)),
                            money(rs.getBigDecimal(8)),
                            money(rs.getBigDecimal(9)),
                            money(rs.getBigDecimal(10)),
                            money(rs.getBigDecimal(11)),
                            money(rs.getBigDecimal(12)),
                            rs.getInt(13),
                            rs.getBigDecimal(14),
                            rs.getBigDecimal(15),
                            rs.getBigDecimal(16),
                            rs.getBigDecimal(17),
                            rs.getInt(18),
                            rs.getString(19),
                            money(rs.getBigDecimal(20)),
                            rs.getBigDecimal(21),
                            rs.getBigDecimal(22),
                            rs.getInt(23),
                            missing == null ? new String[0] : (String[]) missing.getArray()));
                }
            }
        }
        return rows;
    }

    private void store(Connection connection, UUID tenant, long loadId, String currency, List<Row> rows)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < rows.size(); from += LedgerStore.BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + LedgerStore.BATCH));
            int n = chunk.size();
            Object[][] columns = new Object[24][n];
            for (int i = 0; i < n; i++) {
                Row r = chunk.get(i);
                Object[] values = {
                    r.key(),
                    r.ref(),
                    r.country(),
                    r.number(),
                    r.companyId(),
                    r.entryId(),
                    r.outstanding(),
                    r.notDue(),
                    r.b1(),
                    r.b2(),
                    r.b3(),
                    r.b4(),
                    r.maxDaysOverdue(),
                    r.dbt(),
                    r.dbt() == null || r.dbtBefore() == null ? null : r.dbt().subtract(r.dbtBefore()),
                    r.dso(),
                    r.onTimeShare(),
                    r.paid12m(),
                    r.largestNo(),
                    r.largest(),
                    r.creditLimit(),
                    r.utilisation(),
                    r.monthsOnTime(),
                    String.join("\u001f", r.missingRates())
                };
                for (int c = 0; c < values.length; c++) {
                    columns[c][i] = values[c];
                }
            }
            String[] types = {
                "text", "text", "text", "text", "bigint", "bigint", "numeric", "numeric", "numeric", "numeric",
                "numeric", "numeric", "int", "numeric", "numeric", "numeric", "numeric", "int", "text", "numeric",
                "numeric", "numeric", "int", "text"
            };
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into receivable_figure (tenant_id, customer_key, customer_ref, country, number, company_id, entry_id,
                        outstanding, not_due, overdue_1_30, overdue_31_60, overdue_61_90, overdue_over_90, max_days_overdue,
                        dbt, dbt_trend, dso, on_time_share, paid_12m, largest_overdue_no, largest_overdue, credit_limit,
                        utilisation, months_on_time, missing_rates, currency, computed_at, load_id)
                    select ?, k, ref, co, nu, cid, eid, o, nd, b1, b2, b3, b4, md, dbt, tr, dso, ots, p12, lno, l, cl, u, gp,
                           case when mr = '' then '{}' else string_to_array(mr, chr(31)) end, ?, ?, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::numeric[],
                                ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::int[], ?::numeric[],
                                ?::numeric[], ?::numeric[], ?::numeric[], ?::int[], ?::text[], ?::numeric[], ?::numeric[],
                                ?::numeric[], ?::int[], ?::text[])
                         as x(k, ref, co, nu, cid, eid, o, nd, b1, b2, b3, b4, md, dbt, tr, dso, ots, p12, lno, l, cl, u, gp, mr)
                    on conflict (tenant_id, customer_key) do update set
                        customer_ref = excluded.customer_ref, country = excluded.country, number = excluded.number,
                        company_id = excluded.company_id, entry_id = excluded.entry_id, outstanding = excluded.outstanding,
                        not_due = excluded.not_due, overdue_1_30 = excluded.overdue_1_30,
                        overdue_31_60 = excluded.overdue_31_60, overdue_61_90 = excluded.overdue_61_90,
                        overdue_over_90 = excluded.overdue_over_90, max_days_overdue = excluded.max_days_overdue,
                        dbt = excluded.dbt, dbt_trend = excluded.dbt_trend, dso = excluded.dso,
                        on_time_share = excluded.on_time_share, paid_12m = excluded.paid_12m,
                        largest_overdue_no = excluded.largest_overdue_no, largest_overdue = excluded.largest_overdue,
                        credit_limit = excluded.credit_limit, utilisation = excluded.utilisation,
                        months_on_time = excluded.months_on_time, missing_rates = excluded.missing_rates,
                        currency = excluded.currency, computed_at = excluded.computed_at, load_id = excluded.load_id""")) {
                int p = 1;
                upsert.setObject(p++, tenant);
                upsert.setString(p++, currency);
                upsert.setTimestamp(p++, now);
                upsert.setLong(p++, loadId);
                for (int c = 0; c < columns.length; c++) {
                    upsert.setArray(p++, connection.createArrayOf(types[c], columns[c]));
                }
                upsert.executeUpdate();
            }
        }
        try (PreparedStatement history = connection.prepareStatement("""
                insert into receivable_figure_history (tenant_id, customer_key, as_of, outstanding, overdue, dbt, dso)
                select f.tenant_id, f.customer_key, l.as_of, f.outstanding,
                       f.overdue_1_30 + f.overdue_31_60 + f.overdue_61_90 + f.overdue_over_90, f.dbt, f.dso
                from receivable_figure f join receivable_load l on l.id = ?
                where f.tenant_id = ?
                on conflict (tenant_id, customer_key, as_of) do update set outstanding = excluded.outstanding,
                    overdue = excluded.overdue, dbt = excluded.dbt, dso = excluded.dso""")) {
            history.setLong(1, loadId);
            history.setObject(2, tenant);
            history.executeUpdate();
        }
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
