package eu.vigil.receivables.internal;

import eu.vigil.company.CompanyScores;
import eu.vigil.receivables.ScoreVariable;
import eu.vigil.receivables.Scorecard;
import eu.vigil.signal.Polarity;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every linked customer's score, grade and limit advice of one tenant, from its scorecard, its receivables figures and
 * what the registry and the bureau say of the company; a changed score is logged with the variable that moved it most.
 */
@Component
public class Scoring {

    /** Share of equity and of turnover a grade advises as a limit, percent (A to E). */
    static final Map<String, BigDecimal[]> SHARES = Map.of(
            "A", new BigDecimal[] {BigDecimal.valueOf(20), BigDecimal.valueOf(10)},
            "B", new BigDecimal[] {BigDecimal.valueOf(15), BigDecimal.valueOf(7.5)},
            "C", new BigDecimal[] {BigDecimal.valueOf(10), BigDecimal.valueOf(5)},
            "D", new BigDecimal[] {BigDecimal.valueOf(5), BigDecimal.valueOf(2.5)},
            "E", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});

    private final JdbcTemplate jdbc;
    private final ScorecardStore scorecards;
    private final CompanyScores bureau;
    private final SignalCatalogue catalogue;
    private final ObjectMapper json;

    Scoring(
            JdbcTemplate jdbc,
            ScorecardStore scorecards,
            CompanyScores bureau,
            SignalCatalogue catalogue,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.bureau = bureau;
        this.catalogue = catalogue;
        this.json = json;
    }

    private record Customer(String key, Long companyId, Long entryId, BigDecimal onTimeShare, BigDecimal dbt) {}

    /** What the company's sections say, as the scorecard reads them. */
    private record Company(
            LocalDate started,
            BigDecimal bureauScore,
            BigDecimal equity,
            BigDecimal totalAssets,
            BigDecimal turnover,
            BigDecimal turnoverBefore,
            String accountsCurrency) {}

    /** A computed score: its points, grade, each variable's share of the score and the advice. */
    record Result(int score, String grade, Map<ScoreVariable, BigDecimal> contributions, Advice advice) {}

    /** The advised limit, and why: {@code basis} bureau, equity, turnover or grade, with the amounts behind it. */
    record Advice(BigDecimal limit, String basis, List<String> args) {}

    /** Recomputes the tenant's customers; returns how many scores changed. */
    public int recompute(UUID tenant, LocalDate asOf, String currency) {
        Scorecard card = scorecards.current(tenant);
        List<Customer> customers = jdbc.query(
                """
                select customer_key, company_id, entry_id, on_time_share, dbt from receivable_figure
                where tenant_id = ? and entry_id is not null""",
                (rs, n) -> new Customer(
                        rs.getString(1),
                        (Long) rs.getObject(2),
                        (Long) rs.getObject(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5)),
                tenant);
        List<Long> companyIds = customers.stream()
                .map(Customer::companyId)
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<Long, CompanyScores.Scores> scores = bureau.latest(companyIds);
        Map<Long, Company> companies = companies(companyIds);
        Map<Long, Integer> negatives = negativeEvents(tenant, companyIds, asOf);
        Map<String, Previous> before = previous(tenant);
        Timestamp now = Timestamp.from(Instant.now());
        int changed = 0;
        List<Object[]> rows = new ArrayList<>(customers.size());
        List<Object[]> changes = new ArrayList<>();
        for (Customer c : customers) {
            Company company = c.companyId() == null ? null : companies.get(c.companyId());
            CompanyScores.Scores s = c.companyId() == null ? null : scores.get(c.companyId());
            Map<ScoreVariable, BigDecimal> values = values(c, company, s, negatives, asOf);
            Result result = score(card, values);
            if (result == null) {
                continue;
            }
            Advice advice = advice(result.grade(), company, s, currency);
            String contributions = json.writeValueAsString(result.contributions());
            rows.add(new Object[] {
                tenant,
                c.key(),
                c.companyId(),
                c.entryId(),
                result.score(),
                result.grade(),
                contributions,
                advice == null ? null : advice.limit(),
                advice == null ? null : advice.basis(),
                advice == null ? new String[0] : advice.args().toArray(String[]::new),
                now
            });
            Previous old = before.get(c.key());
            if (old == null || old.score() != result.score()) {
                changed++;
                changes.add(new Object[] {
                    tenant,
                    c.key(),
                    Date.valueOf(asOf),
                    old == null ? null : old.score(),
                    result.score(),
                    old == null ? null : old.grade(),
                    result.grade(),
                    old == null ? null : mainMover(old.contributions(), result.contributions())
                });
            }
        }
        jdbc.batchUpdate("""
                insert into receivable_score (tenant_id, customer_key, company_id, entry_id, score, grade, contributions,
                    advised_limit, advice_basis, advice_args, computed_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (tenant_id, customer_key) do update set company_id = excluded.company_id,
                    entry_id = excluded.entry_id, score = excluded.score, grade = excluded.grade,
                    contributions = excluded.contributions, advised_limit = excluded.advised_limit,
                    advice_basis = excluded.advice_basis, advice_args = excluded.advice_args,
                    computed_at = excluded.computed_at""", rows);
        jdbc.batchUpdate("""
                insert into receivable_score_change (tenant_id, customer_key, changed_on, old_score, new_score, old_grade,
                    new_grade, main_variable) values (?, ?, ?, ?, ?, ?, ?, ?)""", changes);
        return changed;
    }

    /** The score of these values: each variable with a value and a range for it weighs in; none: no score. */
    static Result score(Scorecard card, Map<ScoreVariable, BigDecimal> values) {
        int weights = 0;
        Map<ScoreVariable, Integer> points = new EnumMap<>(ScoreVariable.class);
        for (Scorecard.Variable v : card.variables()) {
            Integer p = v.points(values.get(v.variable()));
            if (p != null) {
                points.put(v.variable(), p);
                weights += v.weight();
            }
        }
        if (weights == 0) {
            return null;
        }
        Map<ScoreVariable, BigDecimal> contributions = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Scorecard.Variable v : card.variables()) {
            Integer p = points.get(v.variable());
            if (p != null) {
                BigDecimal share = BigDecimal.valueOf((long) p * v.weight())
                        .divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
                contributions.put(v.variable(), share);
                total = total.add(share);
            }
        }
        int score = total.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new Result(score, Scorecard.grade(score), contributions, null);
    }

    /**
     * The lowest of the bureau's limit and the grade's shares of equity and of turnover (accounts in the tenant's
     * currency only); grade E advises no credit.
     */
    static Advice advice(String grade, Company company, CompanyScores.Scores scores, String currency) {
        if ("E".equals(grade)) {
            return new Advice(BigDecimal.ZERO.setScale(2), "grade", List.of(grade));
        }
        BigDecimal[] shares = SHARES.get(grade);
        List<Advice> candidates = new ArrayList<>(3);
        if (scores != null
                && scores.creditLimit() != null
                && (scores.currency() == null || currency.equals(scores.currency()))) {
            candidates.add(new Advice(money(scores.creditLimit()), "bureau", List.of(grade)));
        }
        if (company != null && (company.accountsCurrency() == null || currency.equals(company.accountsCurrency()))) {
            if (company.equity() != null && company.equity().signum() > 0) {
                candidates.add(new Advice(
                        money(company.equity().multiply(shares[0]).movePointLeft(2)),
                        "equity",
                        List.of(
                                grade,
                                shares[0].stripTrailingZeros().toPlainString(),
                                money(company.equity()).toPlainString())));
            }
            if (company.turnover() != null && company.turnover().signum() > 0) {
                candidates.add(new Advice(
                        money(company.turnover().multiply(shares[1]).movePointLeft(2)),
                        "turnover",
                        List.of(
                                grade,
                                shares[1].stripTrailingZeros().toPlainString(),
                                money(company.turnover()).toPlainString())));
            }
        }
        return candidates.stream().min(Comparator.comparing(Advice::limit)).orElse(null);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<ScoreVariable, BigDecimal> values(
            Customer c, Company company, CompanyScores.Scores s, Map<Long, Integer> negatives, LocalDate asOf) {
        Map<ScoreVariable, BigDecimal> values = new EnumMap<>(ScoreVariable.class);
        if (c.onTimeShare() != null) {
            values.put(ScoreVariable.ON_TIME_SHARE, c.onTimeShare().movePointRight(2));
        }
        if (c.dbt() != null) {
            values.put(ScoreVariable.DBT, c.dbt());
        }
        if (s != null) {
            put(values, ScoreVariable.RISK_CLASS, s.riskClass());
            put(values, ScoreVariable.PROBABILITY_OF_DEFAULT, s.pd() == null ? null : s.pd().movePointRight(2));
        }
        if (company != null) {
            if (company.started() != null && !company.started().isAfter(asOf)) {
                values.put(
                        ScoreVariable.YEARS_IN_BUSINESS,
                        BigDecimal.valueOf(
                                Period.between(company.started(), asOf).getYears()));
            }
            put(values, ScoreVariable.EQUITY, company.equity());
            put(values, ScoreVariable.BUREAU_SCORE, company.bureauScore());
            if (company.equity() != null
                    && company.totalAssets() != null
                    && company.totalAssets().signum() != 0) {
                values.put(
                        ScoreVariable.SOLVENCY,
                        company.equity().movePointRight(2).divide(company.totalAssets(), 2, RoundingMode.HALF_UP));
            }
            if (company.turnover() != null
                    && company.turnoverBefore() != null
                    && company.turnoverBefore().signum() > 0) {
                values.put(
                        ScoreVariable.TURNOVER_TREND,
                        company.turnover()
                                .subtract(company.turnoverBefore())
                                .movePointRight(2)
                                .divide(company.turnoverBefore(), 2, RoundingMode.HALF_UP));
            }
        }
        if (c.companyId() != null) {
            values.put(ScoreVariable.NEGATIVE_EVENTS_12M, BigDecimal.valueOf(negatives.getOrDefault(c.companyId(), 0)));
        }
        return values;
    }

    private static void put(Map<ScoreVariable, BigDecimal> values, ScoreVariable variable, BigDecimal value) {
        if (value != null) {
            values.put(variable, value);
        }
    }

    // reads company_section (the company module's table) directly: one query for every customer's identity and
    // accounts instead of a state per company
    private Map<Long, Company> companies(List<Long> companyIds) {
        Map<Long, JsonNode[]> docs = new HashMap<>();
        Map<String, Integer> slots = Map.of("identity", 0, "accounts", 1, "scores", 2);
        if (!companyIds.isEmpty()) {
            jdbc.query(
                    """
                    select company_id, section, doc::text from company_section
                    where section in ('identity', 'accounts', 'scores') and company_id = any(?::bigint[])""",
                    rs -> {
                        JsonNode[] pair = docs.computeIfAbsent(rs.getLong(1), id -> new JsonNode[3]);
                        pair[slots.get(rs.getString(2))] = json.readTree(rs.getString(3));
                    },
                    (Object) companyIds.toArray(Long[]::new));
        }
        Map<Long, Company> companies = new HashMap<>();
        docs.forEach((id, docsOf) -> companies.put(id, company(docsOf[0], docsOf[1], docsOf[2])));
        return companies;
    }

    private static Company company(JsonNode identity, JsonNode accounts, JsonNode scores) {
        LocalDate started = null;
        if (identity != null && identity.hasNonNull("startDate")) {
            try {
                started = LocalDate.parse(identity.path("startDate").asString());
            } catch (RuntimeException e) {
                started = null;
            }
        }
        List<JsonNode> filings = new ArrayList<>();
        if (accounts != null) {
            accounts.path("filings").forEach(filings::add);
        }
        filings.sort(Comparator.comparing((JsonNode f) -> f.path("periodEnd").asString(""))
                .reversed());
        JsonNode latest = filings.isEmpty() ? null : filings.get(0);
        JsonNode earlier = filings.size() < 2 ? null : filings.get(1);
        BigDecimal multiscore = null;
        if (scores != null && scores.hasNonNull("multiscore")) {
            try {
                multiscore = new BigDecimal(scores.path("multiscore").asString().strip());
            } catch (RuntimeException e) {
                multiscore = null;
            }
        }
        return new Company(
                started,
                multiscore,
                item(latest, "10/15"),
                item(latest, "20/58"),
                item(latest, "70"),
                item(earlier, "70"),
                latest == null || !latest.hasNonNull("currency")
                        ? null
                        : latest.path("currency").asString());
    }

    private static BigDecimal item(JsonNode filing, String rubric) {
        if (filing == null) {
            return null;
        }
        JsonNode value = filing.path("items").path(rubric);
        return value.isNumber() ? value.decimalValue() : null;
    }

    // reads signal_event (the signal module's table) directly: one count per company for all customers at once
    private Map<Long, Integer> negativeEvents(UUID tenant, List<Long> companyIds, LocalDate asOf) {
        Map<Long, Integer> counts = new HashMap<>();
        String[] codes = catalogue.all().stream()
                .filter(s -> s.polarity() == Polarity.NEGATIVE)
                .map(Signal::code)
                .toArray(String[]::new);
        if (companyIds.isEmpty() || codes.length == 0) {
            return counts;
        }
        jdbc.query(
                """
                select company_id, count(*) from signal_event
                where company_id = any(?::bigint[]) and code = any(?::text[]) and effective_date > ?
                  and effective_date <= ? and (tenant_id is null or tenant_id = ?)
                group by company_id""",
                rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                },
                companyIds.toArray(Long[]::new),
                codes,
                Date.valueOf(asOf.minusYears(1)),
                Date.valueOf(asOf),
                tenant);
        return counts;
    }

    private record Previous(int score, String grade, Map<String, BigDecimal> contributions) {}

    private Map<String, Previous> previous(UUID tenant) {
        Map<String, Previous> previous = new HashMap<>();
        jdbc.query(
                "select customer_key, score, grade, contributions::text from receivable_score where tenant_id = ?",
                rs -> {
                    Map<String, BigDecimal> contributions = new HashMap<>();
                    json.readTree(rs.getString(4))
                            .properties()
                            .forEach(e ->
                                    contributions.put(e.getKey(), e.getValue().decimalValue()));
                    previous.put(rs.getString(1), new Previous(rs.getInt(2), rs.getString(3), contributions));
                },
                tenant);
        return previous;
    }

    /** The variable whose share of the score changed most (one that appeared or vanished counts from zero). */
    static String mainMover(Map<String, BigDecimal> before, Map<ScoreVariable, BigDecimal> after) {
        String main = null;
        BigDecimal largest = BigDecimal.ZERO;
        for (ScoreVariable v : ScoreVariable.values()) {
            BigDecimal moved = after.getOrDefault(v, BigDecimal.ZERO)
                    .subtract(before.getOrDefault(v.name(), BigDecimal.ZERO))
                    .abs();
            if (moved.compareTo(largest) > 0) {
                largest = moved;
                main = v.name();
            }
        }
        return main;
    }
}
