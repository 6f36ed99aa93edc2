package eu.vigil.analytics.internal;

import eu.vigil.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's receivables exposure cut by traffic light, bureau risk class and age bucket, in a few aggregate
 * queries over each customer's figures: a tenant may have 100,000 customers. Every query names the bound tenant, and a
 * watchlist filter keeps the customers whose entry is on that list.
 */
@Service
@Transactional(readOnly = true)
public class LedgerAnalytics {

    /** Lights in the order the page shows them; {@code unlinked}: a customer no watchlist entry matches. */
    public static final List<String> LIGHTS = List.of("red", "amber", "green", "pending", "unlinked");

    /** Risk classes 1 (best) to 5 (worst), then customers the bureau gave no class. */
    public static final List<String> RISK_CLASSES = List.of("1", "2", "3", "4", "5", "none");

    /** Age buckets and the figure column holding each. */
    public static final Map<String, String> BUCKETS = buckets();

    /** Overdue buckets, the matrix's columns. */
    public static final List<String> OVERDUE_BUCKETS = List.of("1_30", "31_60", "61_90", "over_90");

    private static final String RISK_TEXT = "s.doc ->> 'riskClass'";

    // receivable_figure is receivables', company_light and watchlist_entry watchlist's, company_section company's: the
    // breakdown of 100,000 customers by light and class is one aggregate, through the APIs a call per customer
    private static final String CUSTOMERS = """
            select f.customer_key, f.customer_ref, f.country, f.number, f.company_id, f.outstanding, f.not_due,
                   f.overdue_1_30, f.overdue_31_60, f.overdue_61_90, f.overdue_over_90, f.dso,
                   case when f.entry_id is null then 'unlinked' when f.company_id is null then 'pending'
                        else coalesce(l.light, 'green') end as light,
                   coalesce(case when %1$s ~ '^[0-9]+(\\.[0-9]+)?$' then
                                case when round((%1$s)::numeric) between 1 and 5
                                     then round((%1$s)::numeric)::int::text end end, 'none') as risk
            from receivable_figure f
            left join company_light l on l.company_id = f.company_id
            left join company_section s on s.company_id = f.company_id and s.section = 'scores'
            where f.tenant_id = ?""".formatted(RISK_TEXT);

    private static final String WATCHLIST =
            " and f.entry_id in (select e.id from watchlist_entry e where e.tenant_id = ? and e.watchlist_id = ?)";

    private static final String AT_RISK = "(c.light in ('red', 'amber') or c.overdue_61_90 + c.overdue_over_90 > 0)";

    private final JdbcTemplate jdbc;

    LedgerAnalytics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which customers: all, or those on one watchlist, of one light, risk class, with money in one bucket, at risk. */
    public record Filter(UUID watchlist, String light, String risk, String bucket, boolean atRisk) {

        public Filter {
            light = light != null && LIGHTS.contains(light) ? light : null;
            risk = risk != null && RISK_CLASSES.contains(risk) ? risk : null;
            bucket = bucket != null && BUCKETS.containsKey(bucket) ? bucket : null;
        }

        public static Filter all(UUID watchlist) {
            return new Filter(watchlist, null, null, null, false);
        }
    }

    /** Customers and their outstanding in one cut (a light, a class); {@code buckets} by age bucket key. */
    public record Slice(long customers, BigDecimal outstanding, Map<String, BigDecimal> buckets) {

        static Slice empty() {
            Map<String, BigDecimal> buckets = new LinkedHashMap<>();
            BUCKETS.keySet().forEach(b -> buckets.put(b, BigDecimal.ZERO));
            return new Slice(0, BigDecimal.ZERO, buckets);
        }

        Slice plus(long count, BigDecimal amount, Map<String, BigDecimal> more) {
            Map<String, BigDecimal> sum = new LinkedHashMap<>(buckets);
            more.forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
            return new Slice(customers + count, outstanding.add(amount), sum);
        }

        public BigDecimal bucket(String key) {
            return buckets.getOrDefault(key, BigDecimal.ZERO);
        }
    }

    /**
     * The exposure cuts. {@code byRiskClass} doubles as the matrix (its slices' overdue buckets). A "by grade" cut
     * belongs beside these once scorecards give customers a grade.
     */
    public record Breakdown(Slice total, Map<String, Slice> byLight, Map<String, Slice> byRiskClass) {}

    public Breakdown breakdown(Filter filter) {
        Map<String, Slice> byLight = new LinkedHashMap<>();
        LIGHTS.forEach(l -> byLight.put(l, Slice.empty()));
        Map<String, Slice> byRisk = new LinkedHashMap<>();
        RISK_CLASSES.forEach(r -> byRisk.put(r, Slice.empty()));
        Slice[] total = {Slice.empty()};
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        jdbc.query(
                """
                with c as (%s)
                select c.light, c.risk, count(*), sum(c.outstanding), sum(c.not_due), sum(c.overdue_1_30),
                       sum(c.overdue_31_60), sum(c.overdue_61_90), sum(c.overdue_over_90)
                from c %s group by c.light, c.risk""".formatted(customers(filter, args), where),
                rs -> {
                    Map<String, BigDecimal> buckets = new LinkedHashMap<>();
                    int column = 5;
                    for (String bucket : BUCKETS.keySet()) {
                        buckets.put(bucket, rs.getBigDecimal(column++));
                    }
                    long count = rs.getLong(3);
                    BigDecimal outstanding = rs.getBigDecimal(4);
                    byLight.computeIfPresent(rs.getString(1), (k, s) -> s.plus(count, outstanding, buckets));
                    String risk = rs.getString(2) != null && RISK_CLASSES.contains(rs.getString(2))
                            ? rs.getString(2)
                            : "none";
                    byRisk.computeIfPresent(risk, (k, s) -> s.plus(count, outstanding, buckets));
                    total[0] = total[0].plus(count, outstanding, buckets);
                },
                args.toArray());
        return new Breakdown(total[0], byLight, byRisk);
    }

    /** A customer of a list: its figures, light and class; {@code companyId} null when the registry does not know it. */
    public record Customer(
            String customerKey,
            String customerRef,
            String country,
            String number,
            Long companyId,
            BigDecimal outstanding,
            Map<String, BigDecimal> buckets,
            BigDecimal dso,
            String light,
            String risk) {

        public BigDecimal overdue() {
            return OVERDUE_BUCKETS.stream().map(buckets::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal overdueOver60() {
            return buckets.get("61_90").add(buckets.get("over_90"));
        }
    }

    public record CustomerPage(List<Customer> customers, long total, BigDecimal outstanding) {}

    /** The customers behind a figure, largest outstanding first, at most {@code limit} of them, with their count and sum. */
    public CustomerPage customers(Filter filter, int limit) {
        List<Object> countArgs = new ArrayList<>();
        String countSql = "with c as (%s) select count(*), coalesce(sum(c.outstanding), 0) from c %s"
                .formatted(customers(filter, countArgs), where(filter, countArgs));
        Object[] totals = jdbc.queryForObject(
                countSql, (rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}, countArgs.toArray());
        List<Object> args = new ArrayList<>();
        String sql = "with c as (%s) select c.* from c %s order by c.outstanding desc, c.customer_key limit ?"
                .formatted(customers(filter, args), where(filter, args));
        args.add(limit);
        List<Customer> rows = jdbc.query(sql, (rs, n) -> customer(rs), args.toArray());
        return new CustomerPage(rows, (Long) totals[0], (BigDecimal) totals[1]);
    }

    /** The biggest exposures at risk: a red or amber light, or money more than 60 days overdue. */
    public List<Customer> biggestAtRisk(UUID watchlist, int limit) {
        return customers(new Filter(watchlist, null, null, null, true), limit).customers();
    }

    /** A month of the trend, at its last day (today for the current month); null figures: no load by then. */
    public record Month(LocalDate end, BigDecimal outstanding, BigDecimal overdue, BigDecimal dso) {}

    /**
     * Outstanding, overdue and DSO at the end of each of the last 12 months, from each customer's figures as the
     * latest load on or before that day left them; DSO weighted by outstanding.
     */
    public List<Month> trend(UUID watchlist, LocalDate today) {
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(today.withDayOfMonth(1)));
        args.add(Date.valueOf(today));
        args.add(TenantContext.require());
        String only = "";
        if (watchlist != null) {
            only =
                    " and h.customer_key in (select f.customer_key from receivable_figure f where f.tenant_id = h.tenant_id"
                            + WATCHLIST + ")";
            args.add(TenantContext.require());
            args.add(watchlist);
        }
        // receivable_figure_history is receivables': 12 month-ends over every customer's history is one aggregate
        return jdbc.query(
                """
                with months as (
                    select least((?::date - make_interval(months => i) + interval '1 month' - interval '1 day')::date, ?::date) as month_end
                    from generate_series(11, 0, -1) i),
                h as (
                    select h.customer_key, h.as_of, h.outstanding, h.overdue, h.dso,
                           lead(h.as_of) over (partition by h.customer_key order by h.as_of) as until
                    from receivable_figure_history h where h.tenant_id = ?%s)
                select m.month_end, count(h.customer_key), sum(h.outstanding), sum(h.overdue),
                       sum(h.dso * h.outstanding) filter (where h.dso is not null)
                         / nullif(sum(h.outstanding) filter (where h.dso is not null), 0)
                from months m
                left join h on h.as_of <= m.month_end and (h.until is null or h.until > m.month_end)
                group by m.month_end order by m.month_end""".formatted(only),
                (rs, n) -> {
                    boolean any = rs.getLong(2) > 0;
                    BigDecimal dso = rs.getBigDecimal(5);
                    return new Month(
                            rs.getDate(1).toLocalDate(),
                            any ? rs.getBigDecimal(3) : null,
                            any ? rs.getBigDecimal(4) : null,
                            dso == null ? null : dso.setScale(1, RoundingMode.HALF_UP));
                },
                args.toArray());
    }

    private static String customers(Filter filter, List<Object> args) {
        args.add(TenantContext.require());
        if (filter.watchlist() == null) {
            return CUSTOMERS;
        }
        args.add(TenantContext.require());
        args.add(filter.watchlist());
        return CUSTOMERS + WATCHLIST;
    }

    private static String where(Filter filter, List<Object> args) {
        List<String> terms = new ArrayList<>();
        if (filter.light() != null) {
            terms.add("c.light = ?");
            args.add(filter.light());
        }
        if (filter.risk() != null) {
            terms.add("c.risk = ?");
            args.add(filter.risk());
        }
        if (filter.bucket() != null) {
            terms.add("c." + BUCKETS.get(filter.bucket()) + " <> 0");
        }
        if (filter.atRisk()) {
            terms.add(AT_RISK);
        }
        return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
    }

    private static Customer customer(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        int column = 7;
        for (String bucket : BUCKETS.keySet()) {
            buckets.put(bucket, rs.getBigDecimal(column++));
        }
        String country = rs.getString(3);
        return new Customer(
                rs.getString(1),
                rs.getString(2),
                country == null ? null : country.trim(),
                rs.getString(4),
                (Long) rs.getObject(5),
                rs.getBigDecimal(6),
                buckets,
                rs.getBigDecimal(12),
                rs.getString(13),
                rs.getString(14));
    }

    private static Map<String, String> buckets() {
        Map<String, String> buckets = new LinkedHashMap<>();
        buckets.put("not_due", "not_due");
        buckets.put("1_30", "overdue_1_30");
        buckets.put("31_60", "overdue_31_60");
        buckets.put("61_90", "overdue_61_90");
        buckets.put("over_90", "overdue_over_90");
        return java.util.Collections.unmodifiableMap(buckets);
    }
}
