package eu.vigil.receivables;

/**
 * What a scorecard can weigh, each in the unit its ranges are written in: percentages as 0-100, amounts in the
 * currency of the company's accounts.
 */
public enum ScoreVariable {
    /** Share of the invoices of the last 12 months paid by their due date, percent. */
    ON_TIME_SHARE,
    /** Days beyond terms on our invoices, weighted by amount. */
    DBT,
    /** Whole years since the company's start date. */
    YEARS_IN_BUSINESS,
    /** The bureau's numeric score (its multiscore). */
    BUREAU_SCORE,
    /** The bureau's risk class (1 best). */
    RISK_CLASS,
    /** The bureau's probability of default, percent. */
    PROBABILITY_OF_DEFAULT,
    /** Equity of the latest filed accounts. */
    EQUITY,
    /** Equity over total assets of the latest filed accounts, percent. */
    SOLVENCY,
    /** Turnover of the latest filed accounts against the one before, percent change. */
    TURNOVER_TREND,
    /** Negative registry, bureau and receivables signals on the company in the last 12 months. */
    NEGATIVE_EVENTS_12M
}
