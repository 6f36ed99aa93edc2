package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FilingDeadlines;
import eu.vigil.feed.RunView;
import eu.vigil.signal.SignalCases.Case;
import eu.vigil.signal.SignalCases.Company;
import eu.vigil.signal.SignalCases.EngineCase;
import eu.vigil.support.VigilTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #4's done-when: every signal of the shipped catalogue fires from feed input with the values and
 * date it must carry, does not fire on a near miss, and does not fire again when the same input comes
 * again. All cases share one file per feed and step (see {@link SignalCases}), so the catalogue runs in
 * a dozen feed runs.
 */
@VigilTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalCatalogueCoverageTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Autowired
    SignalCatalogue catalogue;

    @Autowired
    SignalEngine engine;

    @Autowired
    FilingDeadlines deadlines;

    private final Map<Case, Company> subjects = new LinkedHashMap<>();
    private final Map<Case, List<Company>> nearMisses = new LinkedHashMap<>();
    /** Per company number: the events the "after" step recorded, then what replaying it and the next day's view added. */
    private final Map<String, List<SignalEvent>> fired = new TreeMap<>();

    private final Map<String, List<SignalEvent>> replayed = new TreeMap<>();
    private final Map<String, List<SignalEvent>> nextDay = new TreeMap<>();
    private final List<RunView> repeatRuns = new ArrayList<>();
    private int deadlinesAgain = -1;
    private final Map<String, Long> ids = new LinkedHashMap<>();
    /** The country of every company a case or near miss is about (the others the cases name are Belgian). */
    private final Map<String, String> countries = new LinkedHashMap<>();

    @BeforeAll
    void runTheCatalogueThroughTheFeeds() {
        CoverageFeeds feeds = new CoverageFeeds();
        for (Case c : SignalCases.FEED) {
            Company subject = new Company(c.country);
            c.plant.into(feeds, subject);
            subjects.put(c, subject);
            countries.put(subject.number, c.country);
            List<Company> misses = new ArrayList<>();
            for (SignalCases.Plant plant : c.nearMisses) {
                Company miss = new Company(c.country);
                countries.put(miss.number, c.country);
                plant.into(feeds, miss);
                misses.add(miss);
            }
            nearMisses.put(c, misses);
        }
        Map<String, KboCompany> beforeAfter = new TreeMap<>(feeds.kboSeed);
        beforeAfter.putAll(feeds.kboMid);
        int extract = 7_100_000;

        ingest("bureau", CoverageFeeds.lines(feeds.bureauBefore, l -> l), "before.jsonl");
        ingest("accounts", CoverageFeeds.lines(feeds.accountsBefore, l -> l), "before.jsonl");
        ingest(
                "kbo",
                CoverageFeeds.kboUpdate(extract + 1, CoverageFeeds.KBO_SEED, feeds.kboSeed, Map.of()),
                "seed.zip");
        ingest(
                "kbo",
                CoverageFeeds.kboUpdate(extract + 2, CoverageFeeds.KBO_MID, feeds.kboMid, feeds.kboSeed),
                "mid.zip");
        ingest("companies-house", CoverageFeeds.chLines(feeds.chBefore), "before.jsonl");
        ingest("bodacc", CoverageFeeds.bodaccLines(feeds.bodaccBefore), "before.jsonl");
        Map<String, Set<Long>> known = eventIds();

        byte[] kboAfter = CoverageFeeds.kboUpdate(extract + 3, CoverageFeeds.KBO_AFTER, feeds.kboAfter, beforeAfter);
        byte[] bureauAfter = CoverageFeeds.lines(feeds.bureauAfter, l -> l);
        byte[] accountsAfter = CoverageFeeds.lines(feeds.accountsAfter, l -> l);
        ingest("kbo", kboAfter, "after.zip");
        ingest("bureau", bureauAfter, "after.jsonl");
        ingest("accounts", accountsAfter, "after.jsonl");
        byte[] chAfter = CoverageFeeds.chLines(feeds.chAfter);
        byte[] bodaccAfter = CoverageFeeds.bodaccLines(feeds.bodaccAfter);
        ingest("companies-house", chAfter, "after.jsonl");
        ingest("bodacc", bodaccAfter, "after.jsonl");
        LocalDate checkDay = LocalDate.parse(SignalCases.DEADLINE_CHECK);
        deadlines.check(checkDay);
        newEvents(known, fired);

        known = eventIds();
        repeatRuns.add(ingest("kbo", kboAfter, "after-again.zip"));
        repeatRuns.add(ingest("bureau", bureauAfter, "after-again.jsonl"));
        repeatRuns.add(ingest("accounts", accountsAfter, "after-again.jsonl"));
        repeatRuns.add(ingest("companies-house", chAfter, "after-again.jsonl"));
        repeatRuns.add(ingest("bodacc", bodaccAfter, "after-again.jsonl"));
        deadlinesAgain = deadlines.check(checkDay);
        newEvents(known, replayed);

        known = eventIds();
        repeatRuns.add(ingest(
                "kbo",
                CoverageFeeds.kboUpdate(extract + 4, CoverageFeeds.KBO_NEXT_DAY, feeds.kboAfter, feeds.kboAfter),
                "next-day.zip"));
        repeatRuns.add(ingest(
                "bureau",
                CoverageFeeds.lines(
                        feeds.bureauAfter,
                        l -> l.replace(
                                "\"as_of\":\"" + CoverageFeeds.BUREAU_AFTER + "\"",
                                "\"as_of\":\"" + CoverageFeeds.BUREAU_NEXT_DAY + "\"")),
                "next-day.jsonl"));
        repeatRuns.add(ingest(
                "companies-house", CoverageFeeds.chLines(CoverageFeeds.chNextDay(feeds.chAfter)), "next-day.jsonl"));
        repeatRuns.add(ingest("bodacc", CoverageFeeds.bodaccLines(feeds.bodaccNextDay()), "next-day.jsonl"));
        deadlines.check(checkDay.plusDays(1));
        newEvents(known, nextDay);
    }

    @Test
    void everyCodeOfTheCatalogueHasACaseOrASaidReasonWhyNot() {
        Set<String> covered = new TreeSet<>(SignalCases.codes(SignalCases.FEED));
        Set<String> engineOnly = new TreeSet<>(
                SignalCases.ENGINE_ONLY.stream().map(EngineCase::code).toList());
        Set<String> pending = new TreeSet<>(SignalCases.PENDING.keySet());
        Set<String> catalogued =
                new TreeSet<>(catalogue.all().stream().map(Signal::code).toList());

        Set<String> missing = new TreeSet<>(catalogued);
        missing.removeAll(covered);
        missing.removeAll(engineOnly);
        missing.removeAll(pending);
        assertThat(missing)
                .as("catalogue codes without a case in SignalCases (add one: feed, engine-only or pending)")
                .isEmpty();

        Set<String> unknown = new TreeSet<>(covered);
        unknown.addAll(engineOnly);
        unknown.addAll(pending);
        unknown.removeAll(catalogued);
        assertThat(unknown).as("cases for codes the catalogue does not have").isEmpty();

        Set<String> twice = new TreeSet<>(covered);
        twice.retainAll(engineOnly);
        Set<String> parked = new TreeSet<>(pending);
        parked.removeIf(code -> !covered.contains(code) && !engineOnly.contains(code));
        assertThat(twice).as("a code fired from a feed is not also engine-only").isEmpty();
        assertThat(parked).as("a pending code has no case yet").isEmpty();
        assertThat(pending)
                .as("only detectors no shipped code path runs may be pending")
                .allSatisfy(
                        code -> assertThat(catalogue.find(code).orElseThrow().detector())
                                .isIn("internal", "overdue"));
    }

    @TestFactory
    Stream<DynamicTest> eachSignalFiresFromFeedInputWithItsValuesAndDate() {
        return SignalCases.FEED.stream()
                .map(c -> DynamicTest.dynamicTest(c + ": " + c.old + " -> " + c.now, () -> {
                    Company company = subjects.get(c);
                    List<SignalEvent> recorded = fired.getOrDefault(company.number, List.of());
                    List<String> expected = new ArrayList<>(c.also);
                    expected.add(c.code);
                    assertThat(recorded)
                            .extracting(SignalEvent::code)
                            .as("codes the change recorded for %s", company.number)
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(recorded)
                            .filteredOn(e -> e.code().equals(c.code))
                            .singleElement()
                            .satisfies(e -> {
                                assertThat(e.oldValue()).as("old value").isEqualTo(company.fill(c.old));
                                assertThat(e.newValue()).as("new value").isEqualTo(company.fill(c.now));
                                assertThat(e.effectiveDate())
                                        .as("effective date")
                                        .isEqualTo(c.effectiveDate());
                                assertThat(e.severity())
                                        .isEqualTo(catalogue
                                                .find(c.code)
                                                .orElseThrow()
                                                .severity());
                            });
                }));
    }

    @TestFactory
    Stream<DynamicTest> nearMissesDoNotFire() {
        return SignalCases.FEED.stream()
                .filter(c -> !c.nearMisses.isEmpty())
                .flatMap(c -> nearMisses.get(c).stream()
                        .map(miss -> DynamicTest.dynamicTest(
                                c.code + " does not fire on a near miss (" + miss.number + ")",
                                () -> assertThat(fired.getOrDefault(miss.number, List.of()))
                                        .extracting(SignalEvent::code)
                                        .doesNotContain(c.code))));
    }

    @TestFactory
    Stream<DynamicTest> theSameInputAgainFiresNothing() {
        return SignalCases.FEED.stream()
                .map(c -> DynamicTest.dynamicTest(c.code + " does not fire again on the same input", () -> {
                    String number = subjects.get(c).number;
                    assertThat(replayed.getOrDefault(number, List.of()))
                            .as("the after files replayed")
                            .isEmpty();
                    assertThat(nextDay.getOrDefault(number, List.of()))
                            .as("the same view delivered the next day")
                            .isEmpty();
                }));
    }

    @Test
    void replayingEveryAfterFileRecordsNothingNew() {
        assertThat(repeatRuns).allSatisfy(run -> {
            assertThat(run.status()).as(run.fileName() + ": " + run.error()).isEqualTo("COMPLETED");
            assertThat(run.rowsRejected()).as(run.fileName()).isZero();
            assertThat(run.signalEvents()).as(run.fileName()).isZero();
        });
        assertThat(deadlinesAgain)
                .as("the deadline check run again the same day")
                .isZero();
        assertThat(replayed.values().stream().flatMap(List::stream)).isEmpty();
        assertThat(nextDay.values().stream().flatMap(List::stream)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> engineOnlySignalsFireOnTheFieldsTheirSourceWouldFill() {
        return SignalCases.ENGINE_ONLY.stream()
                .map(c ->
                        DynamicTest.dynamicTest(c.code() + " (engine-only: no " + c.source() + " adapter yet)", () -> {
                            FieldValues before = new FieldValues("GB");
                            c.before().accept(before);
                            FieldValues after = new FieldValues("GB");
                            c.after().accept(after);
                            assertThat(engine.detect(before, after))
                                    .singleElement()
                                    .satisfies(d -> {
                                        assertThat(d.signal().code()).isEqualTo(c.code());
                                        assertThat(d.oldValue()).isEqualTo(c.old());
                                        assertThat(d.newValue()).isEqualTo(c.now());
                                    });
                            assertThat(engine.detect(after, after))
                                    .as("the same view again")
                                    .isEmpty();
                        }));
    }

    private RunView ingest(String source, byte[] content, String fileName) {
        RunView run = ingestion.ingestNow(source, new ByteArrayInputStream(content), fileName, true, "test");
        assertThat(run.status())
                .as(source + " " + fileName + ": " + run.error())
                .isEqualTo("COMPLETED");
        assertThat(ingestion.quarantine(run.id(), 5))
                .as(source + " " + fileName + " quarantined rows")
                .isEmpty();
        return run;
    }

    private List<String> numbers() {
        List<String> numbers = new ArrayList<>();
        subjects.values().forEach(c -> numbers.add(c.number));
        nearMisses.values().forEach(list -> list.forEach(c -> numbers.add(c.number)));
        return numbers;
    }

    private Map<String, Set<Long>> eventIds() {
        Map<String, Set<Long>> ids = new LinkedHashMap<>();
        for (String number : numbers()) {
            ids.put(
                    number,
                    new HashSet<>(eventsOf(number).stream().map(SignalEvent::id).toList()));
        }
        return ids;
    }

    private void newEvents(Map<String, Set<Long>> known, Map<String, List<SignalEvent>> into) {
        for (String number : numbers()) {
            Set<Long> before = known.getOrDefault(number, Set.of());
            List<SignalEvent> added = eventsOf(number).stream()
                    .filter(e -> !before.contains(e.id()))
                    .toList();
            if (!added.isEmpty()) {
                into.put(number, added);
            }
        }
    }

    private List<SignalEvent> eventsOf(String number) {
        Long id = ids.computeIfAbsent(
                number,
                n -> registry.find(CompanyNumbers.require(n, countries.getOrDefault(n, "BE")))
                        .map(c -> c.id())
                        .orElse(null));
        return id == null ? List.of() : events.of(id, null);
    }
}
