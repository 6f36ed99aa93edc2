package eu.vigil.portfolio;

import eu.vigil.alerting.AlertFilter;
import eu.vigil.alerting.Alerts;
import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.VigilUser;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of each role's home page and the tenant-wide list behind them. Reads the watchlist, light, score and feed
 * tables directly, in a few aggregate queries: through the modules' APIs a 100,000-entry portfolio would be read row by
 * row. Every query names the bound tenant.
 */
@Service
public class Portfolio {

    /** The lights in the order the page shows them. */
    public static final List<String> LIGHTS = List.of("red", "amber", "green", "pending");

    /** What an entry is worth to the tenant: its exposure where given, else its credit limit. */
    private static final String AMOUNT = "coalesce(e.exposure, e.credit_limit)";

    private static final String CURRENCY =
            "case when e.exposure is not null then e.exposure_currency else e.limit_currency end";
    private static final String LIGHT =
            "case when e.company_id is null then 'pending' else coalesce(l.light, 'green') end";

    private final JdbcTemplate jdbc;
    private final Alerts alerts;
    private final CompanyDirectory directory;
    private final SignalCatalogue catalogue;
    private final RedAmberHistory history;
    private final TenantFigures figures;

    Portfolio(
            JdbcTemplate jdbc,
            Alerts alerts,
            CompanyDirectory directory,
            SignalCatalogue catalogue,
            RedAmberHistory history,
            TenantFigures figures) {
        this.figures = figures;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.directory = directory;
        this.catalogue = catalogue;
        this.history = history;
    }

    /** A sum of money in one currency. */
    public record Money(BigDecimal value, String currency) {}

    /** The companies of one light, and what the entries on them are worth, by currency (largest first). */
    public record LightCount(String light, long companies, List<Money> amounts) {}

    /** One watched company in a short list: its light and why, and what its entry is worth. */
    public record Item(
            String country,
            String number,
            String name,
            String light,
            String code,
            LocalDate date,
            Money amount,
            Instant detectedAt) {

        public String display() {
            return new CompanyId(country, number).display();
        }
    }

    /** A month of the red and amber chart: how many watched companies were red, and amber, at its end. */
    public record Month(LocalDate month, long red, long amber) {}

    /**
     * A credit manager's portfolio at a glance. {@code since} is the person's previous visit (or a week ago on their
     * first); {@code changed} the red and amber companies with a negative signal detected since.
     */
    public record Overview(
            List<LightCount> lights,
            long companies,
            long entries,
            LightCount atRisk,
            Instant since,
            long changedCount,
            List<Item> changed,
            List<Item> biggestAtRisk,
            long newAlertsForMe,
            long highRiskCompanies,
            long scoredCompanies,
            List<Month> history) {

        public LightCount light(String light) {
            return lights.stream()
                    .filter(l -> l.light().equals(light))
                    .findFirst()
                    .orElse(new LightCount(light, 0, List.of()));
        }

        /** The share of scored companies in a high risk class, in percent, or null when none is scored. */
        public Integer highRiskPercent() {
            return scoredCompanies == 0 ? null : (int) Math.round(100.0 * highRiskCompanies / scoredCompanies);
        }
    }

    /** Records this visit to the home page and answers when the one before it was (null: the first). */
    @Transactional
    public Instant visit(UUID userId) {
        // opening the page again within half an hour is the same visit: it keeps its "previous"
        List<Timestamp> previous = jdbc.queryForList("""
                insert into home_visit as v (user_id, tenant_id, seen_at, previous_at) values (?, ?, now(), null)
                on conflict (user_id) do update set
                    previous_at = case when v.seen_at < now() - interval '30 minutes' then v.seen_at else v.previous_at end,
                    seen_at = now()
                returning previous_at""", Timestamp.class, userId, TenantContext.require());
        return previous.isEmpty() || previous.getFirst() == null
                ? null
                : previous.getFirst().toInstant();
    }

    /**
     * What a tenant's home pages share, from a pass over all its entries: kept a while (see {@link TenantFigures}).
     * {@code biggestAtRisk} carries company ids in place of names.
     */
    record Figures(
            List<LightCount> lights,
            long companies,
            long entries,
            LightCount atRisk,
            List<Item> biggestAtRisk,
            long highRiskCompanies,
            long scoredCompanies,
            List<Month> history) {}

    @Transactional(readOnly = true)
    public Overview overview(VigilUser user, Instant since, String language) {
        UUID tenant = TenantContext.require();
        Figures shared = figures.get(tenant, this::figures);
        // driven from the lights that changed (a partial index), then to the tenant's entries on those companies
        List<Item> changed = named(jdbc.query("""
                select l.company_id, min(e.country), min(e.number), l.light, l.code, l.effective_date, null::numeric, null,
                       l.negative_detected_at
                from company_light l join watchlist_entry e on e.company_id = l.company_id and e.tenant_id = ?
                where l.light in ('red', 'amber') and l.negative_detected_at > ?
                group by l.company_id, l.light, l.code, l.effective_date, l.negative_detected_at
                order by l.light = 'red' desc, l.negative_detected_at desc, l.company_id limit 5""", (rs, n) -> item(rs), tenant, Timestamp.from(since)), language);
        long changedCount = changed.isEmpty() ? 0 : jdbc.queryForObject("""
                select count(*) from company_light l
                where l.light in ('red', 'amber') and l.negative_detected_at > ?
                  and exists (select 1 from watchlist_entry e where e.tenant_id = ? and e.company_id = l.company_id)""", Long.class, Timestamp.from(since), tenant);
        long newForMe =
                alerts.countNew(new AlertFilter.Mine(user.userId(), user.role().name()));
        return new Overview(
                shared.lights(),
                shared.companies(),
                shared.entries(),
                shared.atRisk(),
                since,
                changedCount,
                changed,
                named(shared.biggestAtRisk(), language),
                newForMe,
                shared.highRiskCompanies(),
                shared.scoredCompanies(),
                shared.history());
    }

    Figures figures(UUID tenant) {
        Map<String, Long> companies = new LinkedHashMap<>();
        Map<String, List<Money>> amounts = new HashMap<>();
        long[] totals = new long[2];
        // a pending entry counts as a company of its own (-id: no company id is negative)
        jdbc.query(
                """
                select %s as light, %s as currency, count(distinct coalesce(e.company_id, -e.id)), sum(%s), count(*), grouping(%2$s)
                from watchlist_entry e left join company_light l on l.company_id = e.company_id
                where e.tenant_id = ?
                group by grouping sets ((), (1), (1, 2))""".formatted(LIGHT, CURRENCY, AMOUNT),
                rs -> {
                    String light = rs.getString(1);
                    if (light == null) {
                        totals[0] = rs.getLong(3);
                        totals[1] = rs.getLong(5);
                    } else if (rs.getInt(6) == 1) {
                        companies.put(light, rs.getLong(3));
                    } else if (rs.getBigDecimal(4) != null) {
                        amounts.computeIfAbsent(light, k -> new ArrayList<>())
                                .add(new Money(rs.getBigDecimal(4), currency(rs.getString(2))));
                    }
                },
                tenant);
        List<LightCount> lights = LIGHTS.stream()
                .map(light -> new LightCount(
                        light, companies.getOrDefault(light, 0L), sorted(amounts.getOrDefault(light, List.of()))))
                .toList();
        LightCount red = lights.get(0);
        LightCount amber = lights.get(1);
        LightCount atRisk =
                new LightCount("risk", red.companies() + amber.companies(), sum(red.amounts(), amber.amounts()));
        List<Item> biggest = jdbc.query("""
                select e.company_id, e.country, e.number, l.light, l.code, l.effective_date, %s, %s, l.negative_detected_at
                from watchlist_entry e join company_light l on l.company_id = e.company_id
                where e.tenant_id = ? and l.light in ('red', 'amber') and %1$s is not null
                order by %1$s desc, e.id limit 5""".formatted(AMOUNT, CURRENCY), (rs, n) -> item(rs), tenant);
        long[] risk = new long[2];
        jdbc.query(
                """
                select count(*) filter (where (s.doc ->> 'riskClass')::numeric = any(?::numeric[])), count(s.company_id)
                from (select distinct company_id from watchlist_entry where tenant_id = ? and company_id is not null) w
                join company_section s on s.company_id = w.company_id and s.section = 'scores'
                where s.doc ->> 'riskClass' is not null""",
                rs -> {
                    risk[0] = rs.getLong(1);
                    risk[1] = rs.getLong(2);
                },
                (Object) highRiskClasses(),
                tenant);
        return new Figures(lights, totals[0], totals[1], atRisk, biggest, risk[0], risk[1], history.months(tenant));
    }

    /** The risk classes the catalogue calls high (those of RISK_CLASS_HIGH), 4 and 5 when it names none. */
    String[] highRiskClasses() {
        Object values = catalogue
                .find("RISK_CLASS_HIGH")
                .map(Signal::params)
                .map(p -> p.get("values"))
                .orElse(null);
        List<BigDecimal> classes = new ArrayList<>();
        if (values instanceof Collection<?> list) {
            for (Object v : list) {
                try {
                    classes.add(new BigDecimal(String.valueOf(v).strip()));
                } catch (NumberFormatException e) {
                    // a catalogue value that is not a class number does not count
                }
            }
        }
        // as text: the driver sends a String[] as text[], which the query casts to numeric[]
        return (classes.isEmpty() ? List.of(BigDecimal.valueOf(4), BigDecimal.valueOf(5)) : classes)
                .stream().map(BigDecimal::toPlainString).toArray(String[]::new);
    }

    /** A positive signal on a company a salesperson owns or prospects. */
    public record Opportunity(
            String country,
            String number,
            String name,
            String code,
            String label,
            String explanation,
            String oldValue,
            String newValue,
            LocalDate date,
            boolean owned,
            String relationship) {

        public String display() {
            return new CompanyId(country, number).display();
        }
    }

    /** Positive signals of the last 30 days (by the date they took effect) on companies this person owns or prospects, newest first. */
    @Transactional(readOnly = true)
    public List<Opportunity> opportunities(UUID userId, String language, int limit) {
        record Row(
                long companyId,
                String country,
                String number,
                String code,
                String oldValue,
                String newValue,
                LocalDate date,
                boolean owned,
                String relationship) {}
        List<Row> rows = jdbc.query(
                """
                select s.company_id, w.country, w.number, s.code, s.old_value, s.new_value, s.effective_date, w.owned, w.relationship
                from (select company_id, min(country) as country, min(number) as number, bool_or(owner_id = ?) as owned,
                             min(relationship) as relationship
                      from watchlist_entry
                      where tenant_id = ? and company_id is not null and (owner_id = ? or relationship = 'PROSPECT')
                      group by company_id) w
                join signal_event s on s.company_id = w.company_id and (s.tenant_id is null or s.tenant_id = ?)
                where s.polarity = 'positive' and s.effective_date >= current_date - 30
                order by s.effective_date desc, s.id desc limit ?""",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2).trim(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getDate(7).toLocalDate(),
                        rs.getBoolean(8),
                        rs.getString(9)),
                userId,
                TenantContext.require(),
                userId,
                TenantContext.require(),
                limit);
        Map<Long, String> names =
                names(rows.stream().map(Row::companyId).distinct().toList(), language);
        return rows.stream()
                .map(r -> {
                    Signal.Label label =
                            catalogue.find(r.code()).map(s -> s.label(language)).orElse(null);
                    return new Opportunity(
                            r.country(),
                            r.number(),
                            names.get(r.companyId()),
                            r.code(),
                            label == null ? r.code() : label.label(),
                            label == null ? null : label.explanation(),
                            r.oldValue(),
                            r.newValue(),
                            r.date(),
                            r.owned(),
                            r.relationship().toLowerCase(java.util.Locale.ROOT));
                })
                .toList();
    }

    /** A source's latest run, and its failures and quarantined rows of the last 7 days. */
    public record SourceHealth(
            String source,
            Long lastRunId,
            String lastStatus,
            Instant lastAt,
            String lastError,
            long failedRuns,
            long quarantined) {}

    /** The feeds and the mail outbox as the platform sees them. */
    public record FeedHealth(
            List<SourceHealth> sources,
            long failedRuns,
            long quarantined,
            long outboxPending,
            Instant oldestPendingDue,
            long outboxSending,
            long deadLetters) {}

    @Transactional(readOnly = true)
    public FeedHealth feedHealth(Collection<String> knownSources) {
        Map<String, SourceHealth> sources = new LinkedHashMap<>();
        knownSources.forEach(s -> sources.put(s, new SourceHealth(s, null, null, null, null, 0, 0)));
        jdbc.query("""
                select r.source, r.id, r.status, coalesce(r.finished_at, r.started_at, r.created_at), r.error,
                       (select count(*) from feed_run f where f.source = r.source and f.status in ('FAILED', 'REFUSED')
                                                          and f.created_at > now() - interval '7 days'),
                       (select count(*) from feed_quarantine q join feed_run f on f.id = q.run_id
                        where f.source = r.source and f.created_at > now() - interval '7 days')
                from (select distinct on (source) * from feed_run order by source, id desc) r""", rs -> {
            Timestamp at = rs.getTimestamp(4);
            sources.put(
                    rs.getString(1),
                    new SourceHealth(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            at == null ? null : at.toInstant(),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getLong(7)));
        });
        long[] outbox = new long[3];
        Instant[] oldest = new Instant[1];
        jdbc.query(
                "select status, count(*), min(next_attempt_at) from mail_outbox where status in ('PENDING', 'SENDING', 'DEAD') group by status",
                rs -> {
                    switch (rs.getString(1)) {
                        case "PENDING" -> {
                            outbox[0] = rs.getLong(2);
                            oldest[0] = rs.getTimestamp(3).toInstant();
                        }
                        case "SENDING" -> outbox[1] = rs.getLong(2);
                        default -> outbox[2] = rs.getLong(2);
                    }
                });
        List<SourceHealth> list = List.copyOf(sources.values());
        return new FeedHealth(
                list,
                list.stream().mapToLong(SourceHealth::failedRuns).sum(),
                list.stream().mapToLong(SourceHealth::quarantined).sum(),
                outbox[0],
                oldest[0],
                outbox[1],
                outbox[2]);
    }

    /**
     * What the tenant-wide list shows: entries of a light ({@code risk}: red or amber), with a negative signal detected
     * since a moment, in a high risk class; sorted by amount (largest first) or newest signal.
     */
    public record ListFilter(String light, Instant since, boolean highRisk, String sort) {

        public static final List<String> FILTER_LIGHTS = List.of("red", "amber", "green", "pending", "risk");

        public ListFilter {
            light = light != null && FILTER_LIGHTS.contains(light) ? light : null;
            sort = "recent".equals(sort) ? "recent" : "amount";
        }
    }

    /** An entry of the tenant-wide list. */
    public record Row(
            long entryId, UUID watchlistId, String watchlist, Item item, String reference, String relationship) {}

    public record RowPage(List<Row> rows, long total, int page, int pages) {}

    @Transactional(readOnly = true)
    public RowPage entries(ListFilter filter, int page, int size, String language) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where e.tenant_id = ?");
        args.add(TenantContext.require());
        if ("risk".equals(filter.light())) {
            where.append(" and l.light in ('red', 'amber')");
        } else if ("pending".equals(filter.light())) {
            where.append(" and e.company_id is null");
        } else if ("green".equals(filter.light())) {
            where.append(" and e.company_id is not null and coalesce(l.light, 'green') = 'green'");
        } else if (filter.light() != null) {
            where.append(" and l.light = ?");
            args.add(filter.light());
        }
        if (filter.since() != null) {
            where.append(" and l.negative_detected_at > ?");
            args.add(Timestamp.from(filter.since()));
        }
        if (filter.highRisk()) {
            where.append(
                    " and exists (select 1 from company_section s where s.company_id = e.company_id and s.section = 'scores'"
                            + " and (s.doc ->> 'riskClass')::numeric = any(?::numeric[]))");
            args.add(highRiskClasses());
        }
        String from = " from watchlist_entry e left join company_light l on l.company_id = e.company_id";
        long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.clamp(page, 1, pages);
        String order = filter.sort().equals("recent")
                ? "l.negative_detected_at desc nulls last, e.id"
                : AMOUNT + " desc nulls last, e.id";
        args.add(size);
        args.add((current - 1) * size);
        record Raw(
                long entryId,
                UUID watchlistId,
                String watchlist,
                long companyId,
                Item item,
                String reference,
                String relationship) {}
        List<Raw> raw = jdbc.query(
                """
                select e.company_id, e.country, e.number, %s, l.code, l.effective_date, %s, %s, l.negative_detected_at,
                       e.id, e.watchlist_id, w.name, e.reference, e.relationship
                %s join watchlist w on w.id = e.watchlist_id %s order by %s limit ? offset ?""".formatted(LIGHT, AMOUNT, CURRENCY, from, where, order),
                (rs, n) -> new Raw(
                        rs.getLong(10),
                        rs.getObject(11, UUID.class),
                        rs.getString(12),
                        rs.getLong(1),
                        item(rs),
                        rs.getString(13),
                        rs.getString(14).toLowerCase(java.util.Locale.ROOT)),
                args.toArray());
        Map<Long, String> names = names(
                raw.stream()
                        .map(Raw::companyId)
                        .filter(id -> id != 0)
                        .distinct()
                        .toList(),
                language);
        List<Row> rows = raw.stream()
                .map(r -> new Row(
                        r.entryId(),
                        r.watchlistId(),
                        r.watchlist(),
                        withName(r.item(), names.get(r.companyId())),
                        r.reference(),
                        r.relationship()))
                .toList();
        return new RowPage(rows, total, current, pages);
    }

    /** Columns: company_id, country, number, light, code, effective_date, amount, currency, negative_detected_at. */
    private static Item item(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(7);
        java.sql.Date date = rs.getDate(6);
        Timestamp detected = rs.getTimestamp(9);
        String light = rs.getString(4);
        return new Item(
                rs.getString(2).trim(),
                rs.getString(3),
                String.valueOf(rs.getLong(1)),
                light == null ? "green" : light,
                rs.getString(5),
                date == null ? null : date.toLocalDate(),
                amount == null ? null : new Money(amount, currency(rs.getString(8))),
                detected == null ? null : detected.toInstant());
    }

    /** Items carry their company id in {@code name} until they are named. */
    private List<Item> named(List<Item> items, String language) {
        Map<Long, String> names = names(
                items.stream()
                        .map(i -> Long.parseLong(i.name()))
                        .filter(id -> id != 0)
                        .distinct()
                        .toList(),
                language);
        return items.stream()
                .map(i -> withName(i, names.get(Long.parseLong(i.name()))))
                .toList();
    }

    private static Item withName(Item i, String name) {
        return new Item(i.country(), i.number(), name, i.light(), i.code(), i.date(), i.amount(), i.detectedAt());
    }

    private Map<Long, String> names(Collection<Long> ids, String language) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            directory.summaries(ids, language).forEach((id, summary) -> {
                if (summary.name() != null) {
                    names.put(id, summary.name());
                }
            });
        }
        return names;
    }

    private static String currency(String code) {
        return code == null || code.isBlank() ? "EUR" : code.trim();
    }

    private static List<Money> sorted(List<Money> amounts) {
        return amounts.stream().sorted((a, b) -> b.value().compareTo(a.value())).toList();
    }

    private static List<Money> sum(List<Money> a, List<Money> b) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Money m : a) {
            sums.merge(m.currency(), m.value(), BigDecimal::add);
        }
        for (Money m : b) {
            sums.merge(m.currency(), m.value(), BigDecimal::add);
        }
        return sorted(sums.entrySet().stream()
                .map(e -> new Money(e.getValue(), e.getKey()))
                .toList());
    }
}
