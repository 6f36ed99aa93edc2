package eu.vigil.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's figures as the last load left them, amounts in the tenant's {@code currency}; {@code entryId} null when
 * no watchlist entry of the tenant has its reference or company number (its items are to fix).
 *
 * @param dbt           days beyond terms, weighted by amount (open invoices and those settled in the last 90 days)
 * @param dbtTrend      DBT now minus DBT of about 90 days before; null without that history
 * @param dso           days sales outstanding: outstanding over the last 90 days' invoicing, times 90
 * @param onTimeShare   share (0-1) of the invoices settled in the last 12 months that were settled by their due date
 * @param utilisation   outstanding as a percentage of the credit limit
 * @param missingRates  currencies of items left out of the totals for want of a rate
 */
public record CustomerFigures(
        String customerKey,
        String customerRef,
        String country,
        String number,
        Long companyId,
        Long entryId,
        String currency,
        BigDecimal outstanding,
        BigDecimal notDue,
        BigDecimal overdue1To30,
        BigDecimal overdue31To60,
        BigDecimal overdue61To90,
        BigDecimal overdueOver90,
        int maxDaysOverdue,
        BigDecimal dbt,
        BigDecimal dbtTrend,
        BigDecimal dso,
        BigDecimal onTimeShare,
        int paidLast12Months,
        String largestOverdueNo,
        BigDecimal largestOverdue,
        BigDecimal creditLimit,
        BigDecimal utilisation,
        int monthsOnTime,
        List<String> missingRates,
        Instant computedAt) {

    public BigDecimal overdue() {
        return overdue1To30.add(overdue31To60).add(overdue61To90).add(overdueOver90);
    }

    public boolean known() {
        return entryId != null;
    }
}
