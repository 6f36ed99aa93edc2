package eu.vigil.feed.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.RunView;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.signal.SignalEventsRecorded;
import eu.vigil.support.VigilTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@VigilTest
@RecordApplicationEvents
class BureauIngestionTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Autowired
    ApplicationEvents published;

    @Test
    void aSecondSnapshotFiresWhatChangedDatedFromTheSourceAndPublishesTheBatch() {
        String number = FeedLines.belgianNumber();
        RunView first = ingest(line(number, "2026-09-01", """
                "rating":"BBB","risk_class":2,"pd":0.01,"credit_limit":100000,"currency":"EUR","payment_score":80,
                "dbt_days":5,"growth_score":50,"dissolution_score":10,"multiscore":70,
                "officers":[{"id":"P-1","name":"Jansen, Eva","role":"managing-director","since":"2019-03-01"}],
                "protests":[],"payment_incidents":[]"""));
        assertThat(first.status()).as(first.error()).isEqualTo("COMPLETED");
        assertThat(codes(number))
                .as("a first sight of a healthy company records its state, no events")
                .isEmpty();

        RunView second = ingest(line(number, "2026-10-01", """
                "rating":"B","risk_class":4,"pd":0.05,"credit_limit":0,"payment_score":60,"dbt_days":25,
                "officers":[{"id":"P-2","name":"Peeters, Jan","role":"managing-director","since":"2026-09-20"}],
                "protests":[{"date":"2026-09-15","amount":4200}]"""));
        assertThat(second.status()).as(second.error()).isEqualTo("COMPLETED");
        assertThat(codes(number))
                .containsExactlyInAnyOrder(
                        "RATING_DOWNGRADED",
                        "RISK_CLASS_HIGH",
                        "PD_DOUBLED",
                        "CREDIT_LIMIT_WITHDRAWN",
                        "CREDIT_LIMIT_DOWN",
                        "PAYMENT_SCORE_DOWN",
                        "DBT_UP",
                        "DIRECTOR_APPOINTED",
                        "DIRECTOR_RESIGNED",
                        "MANAGING_DIRECTOR_CHANGED",
                        "BOARD_TURNOVER_HIGH",
                        "PROTEST_REGISTERED");
        SignalEvent protest = event(number, "PROTEST_REGISTERED");
        assertThat(protest.effectiveDate()).as("dated from the protest itself").isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(protest.newValue()).isEqualTo("2026-09-15 · 4200");
        assertThat(event(number, "RISK_CLASS_HIGH").effectiveDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(second.signalEvents()).isEqualTo(12);
        assertThat(published.stream(SignalEventsRecorded.class).filter(e -> e.runId() == second.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.eventIds()).hasSize(12);
                    assertThat(e.companyIds()).as("the company of its events").containsExactly(id(number));
                });

        RunView replay = ingestion.ingestNow(
                "bureau",
                FeedLines.file(
                        line(number, "2026-10-01", """
                "rating":"B","risk_class":4"""), line(number, "2026-10-01", "\"rating\":\"\",\"pd\":null")),
                "again.jsonl",
                true,
                "test");
        assertThat(replay.status()).isEqualTo("COMPLETED");
        assertThat(replay.companiesChanged())
                .as("absent, blank and null fields are unknown, not removed")
                .isZero();
        assertThat(replay.signalEvents()).isZero();
    }

    @Test
    void aCompanyFirstSeenWithProtestsGetsThemAsDatedEvents() {
        String number = FeedLines.belgianNumber();
        ingest(line(number, "2026-10-01", """
                "risk_class":5,"protests":[{"date":"2026-06-02","amount":900},{"date":"2026-08-10","amount":1500}],
                "seizures":[{"date":"2026-07-01","amount":20000}]"""));
        assertThat(codes(number))
                .containsExactlyInAnyOrder(
                        "PROTEST_REGISTERED", "PROTEST_REGISTERED", "SEIZURE_REGISTERED", "RISK_CLASS_HIGH");
        assertThat(events.of(id(number), null))
                .extracting(SignalEvent::effectiveDate)
                .contains(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 8, 10), LocalDate.of(2026, 7, 1));
    }

    @Test
    void badLinesAreQuarantinedWithTheirReasonAndTheRestIsApplied() {
        String good = FeedLines.belgianNumber();
        RunView run = ingest(
                line(good, "2026-10-01", "\"rating\":\"A\""),
                "{\"country\":\"BE\",\"number\":\"0123.456.789\",\"as_of\":\"2026-10-01\"}",
                line(FeedLines.belgianNumber(), "2026-10-01", "\"risk_class\":9"),
                line(FeedLines.belgianNumber(), "2026-10-01", "\"pd\":\"high\""),
                "{not json",
                line(FeedLines.belgianNumber(), "01/10/2026", "\"rating\":\"A\""));
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRejected()).isEqualTo(5);
        assertThat(ingestion.quarantine(run.id(), 10))
                .extracting(q -> q.line() + ": " + q.reason())
                .containsExactly(
                        "2: number '0123.456.789': "
                                + ((eu.vigil.company.ParseResult.Invalid) CompanyNumbers.parse("0123.456.789", "BE"))
                                        .detail(),
                        "3: risk_class must be 1 to 5, found 9",
                        "4: pd must be a number, found 'high'",
                        "5: Line 5 is not valid JSON: "
                                + ingestion
                                        .quarantine(run.id(), 10)
                                        .get(3)
                                        .reason()
                                        .substring("Line 5 is not valid JSON: ".length()),
                        "6: as_of must be a date yyyy-mm-dd, found '01/10/2026'");
        assertThat(registry.find(CompanyNumbers.require(good, "BE"))).isPresent();
    }

    @Test
    void theCsvFormHasTheSameColumnsWithJsonInListCells() {
        String number = FeedLines.belgianNumber();
        RunView first = ingestion.ingestNow(
                "bureau",
                FeedLines.file(
                        "country,number,as_of,rating,risk_class,protests", "BE," + number + ",2026-09-01,A,1,[]"),
                "snapshot.csv",
                false,
                "test");
        assertThat(first.status()).as(first.error()).isEqualTo("COMPLETED");
        RunView second = ingestion.ingestNow(
                "bureau",
                FeedLines.file(
                        "country,number,as_of,rating,risk_class,protests",
                        "BE," + number + ",2026-10-01,A,4,\"[{\"\"date\"\":\"\"2026-09-30\"\",\"\"amount\"\":100}]\""),
                "snapshot2.csv",
                false,
                "test");
        assertThat(second.status()).as(second.error()).isEqualTo("COMPLETED");
        assertThat(codes(number)).containsExactlyInAnyOrder("RISK_CLASS_HIGH", "PROTEST_REGISTERED");
        RunView wrong = ingestion.ingestNow(
                "bureau", FeedLines.file("country,numero,as_of", "BE,1,2026-10-01"), "bad.csv", false, "test");
        assertThat(wrong.status()).isEqualTo("FAILED");
        assertThat(wrong.error()).contains("missing column(s) number").contains("unknown column(s) numero");
    }

    @Test
    void aStaleLineDoesNotOverwriteANewerView() {
        String number = FeedLines.belgianNumber();
        ingest(line(number, "2026-10-01", "\"rating\":\"A\""));
        RunView stale = ingest(line(number, "2026-09-01", "\"rating\":\"D\""));
        assertThat(stale.rowsRejected()).isEqualTo(1);
        assertThat(ingestion.quarantine(stale.id(), 1).getFirst().reason())
                .contains("older than the bureau view Vigil holds");
        assertThat(codes(number)).isEmpty();
    }

    @Test
    void twoOfficersLeavingOnTheSameDayAreTwoEvents() {
        String number = FeedLines.belgianNumber();
        String claes = "{\"id\":\"R-" + number + "-1\",\"name\":\"Claes, Jan\",\"role\":\"director\"}";
        String goossens = "{\"id\":\"R-" + number + "-2\",\"name\":\"Goossens, An\",\"role\":\"director\"}";
        String maes = "{\"id\":\"R-" + number + "-3\",\"name\":\"Maes, Lucas\",\"role\":\"director\"}";
        ingest(line(number, "2026-09-01", "\"officers\":[" + claes + "," + goossens + "," + maes + "]"));
        ingest(line(number, "2026-10-01", "\"officers\":[" + maes + "]"));
        assertThat(events.of(id(number), null))
                .filteredOn(e -> e.code().equals("DIRECTOR_RESIGNED"))
                .extracting(SignalEvent::oldValue)
                .containsExactlyInAnyOrder(
                        "Claes, Jan (director, R-" + number + "-1)", "Goossens, An (director, R-" + number + "-2)");
    }

    private RunView ingest(String... lines) {
        return ingestion.ingestNow("bureau", FeedLines.file(lines), "snapshot.jsonl", true, "test");
    }

    static String line(String number, String asOf, String fields) {
        return ("{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + asOf + "\",\"bureau\":\"demo\","
                        + fields + "}")
                .replace("\n", "");
    }

    private long id(String number) {
        return registry.find(CompanyNumbers.require(number, "BE")).orElseThrow().id();
    }

    private List<String> codes(String number) {
        return events.of(id(number), null).stream().map(SignalEvent::code).toList();
    }

    private SignalEvent event(String number, String code) {
        return events.of(id(number), null).stream()
                .filter(e -> e.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
