package eu.vigil.watchlist;

import java.math.BigDecimal;

/**
 * What the tenant's own ledger says of a watched company (from its receivables loads): outstanding and overdue in the
 * tenant's reporting currency, and the days beyond terms (the worst of its customer accounts).
 */
public record EntryLedger(BigDecimal outstanding, BigDecimal overdue, BigDecimal dbt, String currency) {}
