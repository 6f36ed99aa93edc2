package eu.vigil.feed.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A company's annual accounts as Vigil keeps them: its filings, newest period first, at most
 * {@link #KEPT} of them (enough for three-year streaks and two years of history on the page).
 */
record AccountsDocument(List<Filing> filings) {

    static final int KEPT = 6;
    static final AccountsDocument EMPTY = new AccountsDocument(List.of());
    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    AccountsDocument {
        filings = filings == null
                ? List.of()
                : filings.stream()
                        .sorted(Comparator.comparing(Filing::periodEnd).reversed())
                        .limit(KEPT)
                        .toList();
    }

    /** One filing: the period, when it was filed, its rubric items and the auditor's opinion. */
    record Filing(
            String periodStart,
            String periodEnd,
            String filedOn,
            String model,
            String currency,
            Map<String, BigDecimal> items,
            String auditorOpinion,
            boolean late) {

        Filing {
            items = items == null ? Map.of() : new TreeMap<>(items);
        }

        BigDecimal item(String rubric) {
            return items.get(rubric);
        }

        /** 29/58 ÷ 42/48, or null when either is missing or there is no short-term debt. */
        BigDecimal currentRatio() {
            return ratio(item("29/58"), item("42/48"));
        }

        /** 10/15 ÷ 20/58: the share of the assets financed by equity. */
        BigDecimal solvency() {
            return ratio(item("10/15"), item("20/58"));
        }

        private static BigDecimal ratio(BigDecimal top, BigDecimal bottom) {
            return top == null || bottom == null || bottom.signum() == 0
                    ? null
                    : top.divide(bottom, 4, RoundingMode.HALF_UP);
        }
    }

    /** The filing deadline of a period (src/docs/feeds.md §4): seven months after its end, plus thirty days. */
    static LocalDate deadline(LocalDate periodEnd) {
        return periodEnd.plusMonths(7).plusDays(30);
    }

    /** This document with {@code filing} added, replacing an earlier filing of the same period (a correction). */
    AccountsDocument with(Filing filing) {
        List<Filing> updated = new ArrayList<>(filings.stream()
                .filter(f -> !f.periodEnd().equals(filing.periodEnd()))
                .toList());
        updated.add(filing);
        return new AccountsDocument(updated);
    }

    Filing latest() {
        return filings.isEmpty() ? null : filings.getFirst();
    }
}
