package eu.vigil.feed.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.FilingDeadlines;
import eu.vigil.feed.RunView;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.support.VigilTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@VigilTest
class AccountsIngestionTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Autowired
    FilingDeadlines deadlines;

    @Test
    void aNewYearsFilingIsComparedWithThePreviousOneAndDatedTheDayItWasFiled() {
        String number = FeedLines.belgianNumber();
        RunView first = ingest(filing(
                number,
                "2024-12-31",
                "2025-06-30",
                "\"10/15\":1000000,\"100\":500000,\"20/58\":4000000,\"29/58\":2000000,\"42/48\":1500000,\"70\":8000000,"
                        + "\"9900\":2000000,\"9901\":300000,\"9904\":150000,\"9087\":40,\"9072\":0,\"9076\":0,\"54/58\":400000,\"21/28\":1000000",
                "unqualified"));
        assertThat(first.status()).as(first.error()).isEqualTo("COMPLETED");
        assertThat(codes(number)).as("a first, timely filing is just filed").containsExactly("ACCOUNTS_FILED");

        RunView second = ingest(filing(
                number,
                "2025-12-31",
                "2026-09-15",
                "\"10/15\":-50000,\"100\":400000,\"20/58\":3000000,\"29/58\":1000000,\"42/48\":2500000,\"70\":6000000,"
                        + "\"9900\":1500000,\"9901\":-200000,\"9904\":-1050000,\"9087\":30,\"9072\":12000,\"9076\":5000,\"54/58\":150000,\"21/28\":1100000",
                "going-concern"));
        assertThat(second.status()).as(second.error()).isEqualTo("COMPLETED");
        assertThat(codes(number))
                .containsExactlyInAnyOrder(
                        "ACCOUNTS_FILED",
                        "ACCOUNTS_FILED",
                        "ACCOUNTS_FILED_LATE",
                        "CAPITAL_DECREASED",
                        "EQUITY_NEGATIVE",
                        "EQUITY_BELOW_HALF_CAPITAL",
                        "EQUITY_DOWN_25",
                        "TURNOVER_DOWN_20",
                        "GROSS_MARGIN_DOWN_20",
                        "OPERATING_RESULT_TURNED_NEGATIVE",
                        "NET_RESULT_TURNED_LOSS",
                        "CURRENT_RATIO_BELOW_1",
                        "SOLVENCY_BELOW_10",
                        "CASH_DOWN_50",
                        "SHORT_TERM_DEBT_UP_50",
                        "HEADCOUNT_DOWN_20",
                        "OVERDUE_TAX_DEBT",
                        "OVERDUE_SOCIAL_DEBT",
                        "GOING_CONCERN_DOUBT");
        assertThat(events.of(id(number), LocalDate.of(2026, 1, 1)))
                .extracting(SignalEvent::effectiveDate)
                .containsOnly(LocalDate.of(2026, 9, 15));
        assertThat(events.of(id(number), null))
                .filteredOn(e -> e.code().equals("CAPITAL_DECREASED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo("500000");
                    assertThat(e.newValue()).isEqualTo("400000");
                });

        RunView again = ingest(filing(
                number,
                "2025-12-31",
                "2026-09-15",
                "\"10/15\":-50000,\"100\":400000,\"20/58\":3000000,\"29/58\":1000000,\"42/48\":2500000,\"70\":6000000,"
                        + "\"9900\":1500000,\"9901\":-200000,\"9904\":-1050000,\"9087\":30,\"9072\":12000,\"9076\":5000,\"54/58\":150000,\"21/28\":1100000",
                "going-concern"));
        assertThat(again.companiesChanged()).isZero();
        assertThat(again.signalEvents()).isZero();
    }

    @Test
    void threeLossesInARowAndSeveralYearsInOneFileInPeriodOrder() {
        String number = FeedLines.belgianNumber();
        RunView run = ingest(
                filing(number, "2025-12-31", "2026-05-01", "\"9904\":-30"),
                filing(number, "2023-12-31", "2024-05-01", "\"9904\":-10"),
                filing(number, "2024-12-31", "2025-05-01", "\"9904\":-20"));
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(events.of(id(number), null))
                .filteredOn(e -> e.code().equals("LOSSES_THREE_YEARS"))
                .singleElement()
                .satisfies(e -> assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2026, 5, 1)));
    }

    @Test
    void badFilingsAreQuarantinedWithTheirReason() {
        RunView run = ingest(
                filing(FeedLines.belgianNumber(), "2025-12-31", "2025-06-30", "\"70\":1"),
                filing(FeedLines.belgianNumber(), "2025-12-31", "2026-06-30", "\"70\":\"lots\""),
                filing(FeedLines.belgianNumber(), "2025-12-31", "2026-06-30", "\"70\":1")
                        .replace("unqualified", "fine"),
                "{\"country\":\"BE\",\"number\":\"" + FeedLines.belgianNumber()
                        + "\",\"filed_on\":\"2026-06-30\",\"period_end\":\"2025-12-31\",\"items\":[1]}");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(ingestion.quarantine(run.id(), 10))
                .extracting(q -> q.reason())
                .containsExactly(
                        "filed_on 2025-06-30 is before the end of the period (2025-12-31)",
                        "70 must be a number, found 'lots'",
                        "auditor_opinion 'fine' is not one of adverse, disclaimer, going-concern, qualified, unqualified",
                        "items must be an object of rubric codes and amounts, e.g. {\"70\": 8200000}");
    }

    @Test
    void aDeadlinePassedWithoutAFilingIsOverdueOnceAndTwoMissedYearsAreMissing() {
        String stopped = FeedLines.belgianNumber();
        String current = FeedLines.belgianNumber();
        ingest(
                filing(stopped, "2023-12-31", "2024-06-30", "\"70\":100"),
                filing(current, "2025-12-31", "2026-06-30", "\"70\":100"));

        deadlines.check(LocalDate.of(2025, 8, 30));
        assertThat(codes(stopped)).as("the deadline day itself is not late yet").containsExactly("ACCOUNTS_FILED");
        deadlines.check(LocalDate.of(2025, 8, 31));
        assertThat(events.of(id(stopped), null))
                .filteredOn(e -> e.code().equals("ACCOUNTS_OVERDUE"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2025, 8, 31));
                    assertThat(e.newValue()).isEqualTo("period ending 2024-12-31 due by 2025-08-30");
                });
        deadlines.check(LocalDate.of(2026, 11, 23));
        deadlines.check(LocalDate.of(2026, 11, 24));
        assertThat(codes(stopped))
                .containsExactlyInAnyOrder("ACCOUNTS_FILED", "ACCOUNTS_OVERDUE", "ACCOUNTS_MISSING_TWO_YEARS");
        assertThat(codes(current)).containsExactly("ACCOUNTS_FILED");
    }

    private RunView ingest(String... lines) {
        return ingestion.ingestNow("accounts", FeedLines.file(lines), "filings.jsonl", true, "test");
    }

    static String filing(String number, String periodEnd, String filedOn, String items) {
        return filing(number, periodEnd, filedOn, items, "unqualified");
    }

    static String filing(String number, String periodEnd, String filedOn, String items, String opinion) {
        return "{\"country\":\"BE\",\"number\":\"" + number + "\",\"filed_on\":\"" + filedOn + "\",\"period_start\":\""
                + LocalDate.parse(periodEnd).minusYears(1).plusDays(1) + "\",\"period_end\":\"" + periodEnd
                + "\",\"model\":\"full\",\"currency\":\"EUR\",\"items\":{" + items + "},\"auditor_opinion\":\""
                + opinion + "\"}";
    }

    private long id(String number) {
        return registry.find(CompanyNumbers.require(number, "BE")).orElseThrow().id();
    }

    private List<String> codes(String number) {
        return events.of(id(number), null).stream().map(SignalEvent::code).toList();
    }
}
