package eu.vigil.watchlist;

import java.math.BigDecimal;

/**
 * What the tenant's own ledger says of a watched company (from its receivables loads): outstanding and overdue in the
 * tenant's reporting currency, and the days beyond terms (the worst of its customer accounts); the scorecard's score
 * and grade (the worst of its customer accounts) and its advised limit (the lowest).
 */
public record EntryLedger(
        BigDecimal outstanding,
        BigDecimal overdue,
        BigDecimal dbt,
        String currency,
        Integer score,
        String grade,
        BigDecimal advisedLimit) {

    /** The outstanding is above the limit the tenant's scorecard advises. */
    public boolean aboveAdvice() {
        return advisedLimit != null && outstanding != null && outstanding.compareTo(advisedLimit) > 0;
    }
}
