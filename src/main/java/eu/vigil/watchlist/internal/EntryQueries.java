package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyId;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryFilter;
import eu.vigil.watchlist.EntryLedger;
import eu.vigil.watchlist.EntryView;
import eu.vigil.watchlist.Relationship;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The entries of one watchlist, filtered, sorted and paged in the database. */
@Component
public class EntryQueries {

    private static final Map<String, String> ORDER = Map.of(
            "added", "e.added_at %s, e.id %1$s",
            "reference", "e.reference %s nulls last, e.id",
            "number", "e.country %s, e.number %1$s",
            "light", "case l.light when 'red' then 0 when 'amber' then 1 when 'green' then 2 else 3 end %s, e.id",
            "type", "e.relationship %s, e.id",
            "limit", "e.credit_limit %s nulls last, e.id",
            "exposure", "e.exposure %s nulls last, e.id");

    private static final String COLUMNS = """
            e.id, e.country, e.number, e.company_id, e.reference, e.relationship, e.credit_limit, e.limit_currency,
            e.exposure, e.exposure_currency, e.owner_id, e.tags, l.light, l.code, l.effective_date, e.added_at,
            coalesce(l.negative_detected_at >= e.added_at, false) as has_alerts""";

    /** The page's rows are picked first (joining the lights only when filtering or sorting by them), then decorated. */
    private static final String PAGE = """
            select %s from (select e.*, %s as l_light from watchlist_entry e %s %s order by %s limit ? offset ?) e
            left join company_light l on l.company_id = e.company_id order by %s""";

    private static final String LIGHT_JOIN = "left join company_light l on l.company_id = e.company_id";

    private final JdbcTemplate jdbc;
    private final PortfolioReads reads;

    EntryQueries(JdbcTemplate jdbc, PortfolioReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long count(UUID watchlistId, EntryFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(watchlistId, filter, args);
        Long count = jdbc.queryForObject(
                "select count(*) from watchlist_entry e " + (needsLights(filter, false) ? LIGHT_JOIN : "") + " "
                        + where,
                Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    public List<EntryView> page(UUID watchlistId, EntryFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(watchlistId, filter, args);
        args.add(limit);
        args.add(offset);
        String order = order(filter);
        boolean light = needsLights(filter, true);
        List<EntryView> rows = jdbc.query(
                PAGE.formatted(
                        COLUMNS,
                        light ? "l.light" : "null::text",
                        light ? LIGHT_JOIN : "",
                        where,
                        order,
                        order.replace("l.light", "e.l_light")),
                (rs, n) -> view(rs, null),
                args.toArray());
        return withNames(rows);
    }

    /** Every matching entry, in order, to the consumer: for exports. */
    public void each(UUID watchlistId, EntryFilter filter, Consumer<EntryView> consumer) {
        List<Object> args = new ArrayList<>();
        String where = where(watchlistId, filter, args);
        List<EntryView> batch = new ArrayList<>(1000);
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement("select " + COLUMNS
                            + " from watchlist_entry e left join company_light l on l.company_id = e.company_id "
                            + where + " order by " + order(filter));
                    statement.setFetchSize(2000);
                    for (int i = 0; i < args.size(); i++) {
                        statement.setObject(i + 1, args.get(i));
                    }
                    return statement;
                },
                rs -> {
                    batch.add(view(rs, null));
                    if (batch.size() == 1000) {
                        withNames(batch).forEach(consumer);
                        batch.clear();
                    }
                });
        withNames(batch).forEach(consumer);
    }

    public java.util.Optional<EntryView> entry(UUID watchlistId, long entryId) {
        List<EntryView> found = jdbc.query(
                "select " + COLUMNS
                        + " from watchlist_entry e left join company_light l on l.company_id = e.company_id "
                        + "where e.watchlist_id = ? and e.id = ?",
                (rs, n) -> view(rs, null),
                watchlistId,
                entryId);
        return withNames(found).stream().findFirst();
    }

    /** Entries an import created, in file order; {@code pending} picks matched or pending ones. */
    public List<EntryView> ofImport(UUID importId, boolean pending, int limit) {
        return withNames(jdbc.query(
                "select " + COLUMNS
                        + " from watchlist_entry e left join company_light l on l.company_id = e.company_id "
                        + "where e.import_id = ? and (e.company_id is null) = ? order by e.import_row limit ?",
                (rs, n) -> view(rs, null),
                importId,
                pending,
                limit));
    }

    public List<String> tags(UUID watchlistId) {
        return jdbc.queryForList(
                "select distinct unnest(tags) t from watchlist_entry where watchlist_id = ? order by t limit 500",
                String.class,
                watchlistId);
    }

    private List<EntryView> withNames(List<EntryView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream()
                .map(EntryView::companyId)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<Long, String> names = ids.isEmpty()
                ? Map.of()
                : reads.names(ids, LocaleContextHolder.getLocale().getLanguage());
        Map<Long, EntryLedger> ledgers = ledgers(rows);
        List<EntryView> named = new ArrayList<>(rows.size());
        for (EntryView e : rows) {
            named.add(new EntryView(
                    e.id(),
                    e.country(),
                    e.number(),
                    e.display(),
                    e.companyId(),
                    e.companyId() == null ? null : names.get(e.companyId()),
                    e.reference(),
                    e.relationship(),
                    e.creditLimit(),
                    e.exposure(),
                    e.ownerId(),
                    e.tags(),
                    e.light(),
                    e.lightCode(),
                    e.lightDate(),
                    e.hasAlerts(),
                    e.addedAt(),
                    ledgers.get(e.id())));
        }
        return named;
    }

    /**
     * The tenant's receivables figures of these entries: every customer account on the entry's company or with its
     * reference, summed.
     */
    private Map<Long, EntryLedger> ledgers(List<EntryView> rows) {
        Map<Long, EntryLedger> ledgers = new java.util.HashMap<>();
        // reads receivable_figure and receivable_score (receivables) directly: receivables depends on watchlist, and a
        // page's figures are
        // one join, not a call per entry; the entry's own tenant is the figures' tenant
        jdbc.query(
                """
                select e.id, sum(f.outstanding),
                       sum(f.overdue_1_30 + f.overdue_31_60 + f.overdue_61_90 + f.overdue_over_90), max(f.dbt),
                       min(f.currency), min(s.score), max(s.grade), min(s.advised_limit)
                from watchlist_entry e
                join receivable_figure f on f.tenant_id = e.tenant_id
                     and ((e.company_id is not null and f.company_id = e.company_id)
                          or (e.reference is not null and lower(f.customer_ref) = lower(e.reference)))
                left join receivable_score s on s.tenant_id = f.tenant_id and s.customer_key = f.customer_key
                where e.id = any(?::bigint[])
                group by e.id""",
                rs -> {
                    ledgers.put(
                            rs.getLong(1),
                            new EntryLedger(
                                    rs.getBigDecimal(2),
                                    rs.getBigDecimal(3),
                                    rs.getBigDecimal(4),
                                    rs.getString(5).trim(),
                                    (Integer) rs.getObject(6),
                                    rs.getString(7),
                                    rs.getBigDecimal(8)));
                },
                (Object) rows.stream().map(EntryView::id).toArray(Long[]::new));
        return ledgers;
    }

    private static boolean needsLights(EntryFilter filter, boolean sorting) {
        return filter.light() != null
                || filter.hasAlerts() != null
                || (sorting && filter.sort().equals("light"));
    }

    private static String order(EntryFilter filter) {
        return String.format(ORDER.get(filter.sort()), filter.desc() ? "desc" : "asc");
    }

    private static String where(UUID watchlistId, EntryFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("where e.watchlist_id = ?");
        args.add(watchlistId);
        if (filter.light() != null) {
            if (filter.light().equals("pending")) {
                where.append(" and e.company_id is null");
            } else {
                where.append(" and l.light = ?");
                args.add(filter.light());
            }
        }
        if (filter.type() != null) {
            where.append(" and e.relationship = ?");
            args.add(filter.type().name());
        }
        if (filter.owner() != null) {
            where.append(" and e.owner_id = ?");
            args.add(filter.owner());
        }
        if (filter.tag() != null) {
            where.append(" and ? = any(e.tags)");
            args.add(filter.tag());
        }
        if (filter.hasAlerts() != null) {
            where.append(filter.hasAlerts() ? " and " : " and not ")
                    .append("coalesce(l.negative_detected_at >= e.added_at, false)");
        }
        if (filter.q() != null) {
            where.append(" and (e.reference ilike ? or e.number like ?)");
            String like = "%" + filter.q().replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add("%" + filter.q().replaceAll("[^0-9A-Za-z]", "") + "%");
        }
        return where.toString();
    }

    private static EntryView view(ResultSet rs, String name) throws SQLException {
        String country = rs.getString(2);
        String number = rs.getString(3);
        long companyId = rs.getLong(4);
        Long company = rs.wasNull() ? null : companyId;
        Array tags = rs.getArray(12);
        var limit = rs.getBigDecimal(7);
        var exposure = rs.getBigDecimal(9);
        var lightDate = rs.getDate(15);
        return new EntryView(
                rs.getLong(1),
                country,
                number,
                new CompanyId(country, number).display(),
                company,
                name,
                rs.getString(5),
                Relationship.valueOf(rs.getString(6)),
                limit == null ? null : new Amount(limit, rs.getString(8)),
                exposure == null ? null : new Amount(exposure, rs.getString(10)),
                rs.getObject(11, UUID.class),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                company == null ? "pending" : rs.getString(13) == null ? "green" : rs.getString(13),
                rs.getString(14),
                lightDate == null ? null : lightDate.toLocalDate(),
                rs.getBoolean(17),
                rs.getTimestamp(16).toInstant(),
                null);
    }

    /** What the tenant has at stake on one company, per currency: exposure and credit limit summed over its entries. */
    public record Stake(
            String currency,
            java.math.BigDecimal exposure,
            java.math.BigDecimal creditLimit,
            List<String> watchlists) {}

    public List<Stake> stakes(UUID tenantId, long companyId) {
        return jdbc.query(
                """
                select coalesce(e.exposure_currency, e.limit_currency, 'EUR') as currency, sum(e.exposure), sum(e.credit_limit),
                       array_agg(distinct w.name order by w.name)
                from watchlist_entry e join watchlist w on w.id = e.watchlist_id
                where e.tenant_id = ? and e.company_id = ?
                group by 1 order by 1""",
                (rs, n) -> new Stake(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), List.of((String[])
                        rs.getArray(4).getArray())),
                tenantId,
                companyId);
    }
}
