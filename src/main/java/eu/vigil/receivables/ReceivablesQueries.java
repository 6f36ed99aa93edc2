package eu.vigil.receivables;

import eu.vigil.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's ledger and figures, read; every query names the bound tenant and no other. */
@Service
@Transactional(readOnly = true)
public class ReceivablesQueries {

    private static final String FIGURES = """
            select customer_key, customer_ref, country, number, company_id, entry_id, currency, outstanding, not_due,
                   overdue_1_30, overdue_31_60, overdue_61_90, overdue_over_90, max_days_overdue, dbt, dbt_trend, dso,
                   on_time_share, paid_12m, largest_overdue_no, largest_overdue, credit_limit, utilisation, months_on_time,
                   missing_rates, computed_at
            from receivable_figure where tenant_id = ?""";

    private static final String ITEMS = """
            select document_no, customer_key, customer_ref, country, number, doc_type, document_date, due_date, amount,
                   currency, paid_date
            from receivable_item where tenant_id = ?""";

    private final JdbcTemplate jdbc;
    private final tools.jackson.databind.ObjectMapper json;

    ReceivablesQueries(JdbcTemplate jdbc, tools.jackson.databind.ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every customer, largest outstanding first; unknown ones ({@code known} false) included. */
    public List<CustomerFigures> customers() {
        return jdbc.query(FIGURES + " order by outstanding desc, customer_key", ReceivablesQueries::figures, tenant());
    }

    /** The customers linked to one company (usually one; several when the ERP has it under several references). */
    public List<CustomerFigures> ofCompany(long companyId) {
        return jdbc.query(
                FIGURES + " and company_id = ? order by outstanding desc, customer_key",
                ReceivablesQueries::figures,
                tenant(),
                companyId);
    }

    /** Figures of one customer, by its key. */
    public java.util.Optional<CustomerFigures> customer(String customerKey) {
        return jdbc
                .query(FIGURES + " and customer_key = ?", ReceivablesQueries::figures, tenant(), customerKey)
                .stream()
                .findFirst();
    }

    /** A customer's open items, oldest due first. */
    public List<OpenItem> openItems(String customerKey) {
        return jdbc.query(
                ITEMS + " and customer_key = ? and paid_date is null order by due_date, document_no",
                ReceivablesQueries::item,
                tenant(),
                customerKey);
    }

    /** The open items of customers no watchlist entry matches: to fix (add the customer, or correct its reference). */
    public List<OpenItem> unknownCustomerItems(int limit) {
        return jdbc.query(ITEMS + """
                         and paid_date is null and customer_key in (
                            select customer_key from receivable_figure where tenant_id = receivable_item.tenant_id
                                                                         and entry_id is null)
                        order by customer_key, due_date, document_no limit ?""", ReceivablesQueries::item, tenant(), limit);
    }

    /** The tenant's reporting currency (EUR until a load sets another). */
    public String currency() {
        return jdbc.query(
                "select currency from receivable_setting where tenant_id = ?",
                rs -> rs.next() ? rs.getString(1).trim() : "EUR",
                tenant());
    }

    /** The rates in use: units of the tenant's currency for one unit of each currency, and their dates. */
    public Map<String, Rate> rates() {
        Map<String, Rate> rates = new TreeMap<>();
        jdbc.query(
                "select currency, rate, as_of from receivable_rate where tenant_id = ?",
                rs -> {
                    rates.put(
                            rs.getString(1).trim(),
                            new Rate(rs.getBigDecimal(2), rs.getDate(3).toLocalDate()));
                },
                tenant());
        return rates;
    }

    public record Rate(BigDecimal rate, LocalDate asOf) {}

    /** The tenant's totals in its currency. */
    public record Totals(
            String currency,
            int customers,
            int unknownCustomers,
            BigDecimal outstanding,
            BigDecimal notDue,
            BigDecimal overdue1To30,
            BigDecimal overdue31To60,
            BigDecimal overdue61To90,
            BigDecimal overdueOver90) {}

    public Totals totals() {
        String currency = currency();
        return jdbc.query(
                """
                select count(*), count(*) filter (where entry_id is null), coalesce(sum(outstanding), 0),
                       coalesce(sum(not_due), 0), coalesce(sum(overdue_1_30), 0), coalesce(sum(overdue_31_60), 0),
                       coalesce(sum(overdue_61_90), 0), coalesce(sum(overdue_over_90), 0)
                from receivable_figure where tenant_id = ?""",
                rs -> {
                    rs.next();
                    return new Totals(
                            currency,
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getBigDecimal(7),
                            rs.getBigDecimal(8));
                },
                tenant());
    }

    /** A customer's score and advice; empty before its first scoring (no watchlist entry, or nothing to score). */
    public java.util.Optional<CustomerScore> score(String customerKey) {
        return jdbc
                .query(
                        """
                        select customer_key, entry_id, score, grade, contributions::text, advised_limit, advice_basis,
                               advice_args, computed_at
                        from receivable_score where tenant_id = ? and customer_key = ?""",
                        (rs, n) -> {
                            Map<String, BigDecimal> contributions = new java.util.LinkedHashMap<>();
                            json.readTree(rs.getString(5))
                                    .properties()
                                    .forEach(e -> contributions.put(
                                            e.getKey(), e.getValue().decimalValue()));
                            Array args = rs.getArray(8);
                            return new CustomerScore(
                                    rs.getString(1),
                                    (Long) rs.getObject(2),
                                    rs.getInt(3),
                                    rs.getString(4),
                                    contributions,
                                    rs.getBigDecimal(6),
                                    rs.getString(7),
                                    args == null ? List.of() : Arrays.asList((String[]) args.getArray()),
                                    rs.getTimestamp(9).toInstant());
                        },
                        tenant(),
                        customerKey)
                .stream()
                .findFirst();
    }

    /** A customer's score changes, newest first. */
    public List<CustomerScore.Change> scoreChanges(String customerKey, int limit) {
        return jdbc.query(
                """
                select changed_on, old_score, new_score, old_grade, new_grade, main_variable from receivable_score_change
                where tenant_id = ? and customer_key = ? order by id desc limit ?""",
                (rs, n) -> new CustomerScore.Change(
                        rs.getDate(1).toLocalDate(),
                        (Integer) rs.getObject(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                tenant(),
                customerKey,
                limit);
    }

    private static java.util.UUID tenant() {
        return TenantContext.require();
    }

    private static CustomerFigures figures(ResultSet rs, int n) throws SQLException {
        Array missing = rs.getArray(25);
        return new CustomerFigures(
                rs.getString(1),
                rs.getString(2),
                trim(rs.getString(3)),
                rs.getString(4),
                (Long) rs.getObject(5),
                (Long) rs.getObject(6),
                rs.getString(7).trim(),
                rs.getBigDecimal(8),
                rs.getBigDecimal(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11),
                rs.getBigDecimal(12),
                rs.getBigDecimal(13),
                rs.getInt(14),
                rs.getBigDecimal(15),
                rs.getBigDecimal(16),
                rs.getBigDecimal(17),
                rs.getBigDecimal(18),
                rs.getInt(19),
                rs.getString(20),
                rs.getBigDecimal(21),
                rs.getBigDecimal(22),
                rs.getBigDecimal(23),
                rs.getInt(24),
                missing == null ? List.of() : Arrays.asList((String[]) missing.getArray()),
                rs.getTimestamp(26).toInstant());
    }

    private static OpenItem item(ResultSet rs, int n) throws SQLException {
        java.sql.Date paid = rs.getDate(11);
        return new OpenItem(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                trim(rs.getString(4)),
                rs.getString(5),
                DocumentType.valueOf(rs.getString(6)),
                rs.getDate(7).toLocalDate(),
                rs.getDate(8).toLocalDate(),
                rs.getBigDecimal(9),
                rs.getString(10).trim(),
                paid == null ? null : paid.toLocalDate());
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
