package eu.vigil.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A customer's score (0-100) and grade (A-E) under the tenant's scorecard, each variable's share of it, and the limit
 * the scorecard advises: {@code adviceBasis} says which figure set it (bureau, equity, turnover, grade) and
 * {@code adviceArgs} the grade, share and amount the reasoning quotes.
 */
public record CustomerScore(
        String customerKey,
        Long entryId,
        int score,
        String grade,
        Map<String, BigDecimal> contributions,
        BigDecimal advisedLimit,
        String adviceBasis,
        List<String> adviceArgs,
        Instant computedAt) {

    /** One logged change: when, from what to what, and the variable that moved it most (null on the first score). */
    public record Change(
            LocalDate date, Integer oldScore, int newScore, String oldGrade, String newGrade, String mainVariable) {}
}
