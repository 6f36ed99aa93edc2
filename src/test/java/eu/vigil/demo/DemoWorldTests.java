package eu.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.demo.world.DemoWorld;
import eu.vigil.signal.Category;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo world the test application loaded at start-up, as a newcomer to the demo portal sees it. */
@VigilTest
class DemoWorldTests {

    /** The demo world's companies: numbers 0310.xxx.xxx to 0406.xxx.xxx, which no other test uses. */
    private static final String DEMO = "c.country = 'BE' and c.number between '0310000000' and '0407000000'";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SignalEvents events;

    @Autowired
    SignalCatalogue catalogue;

    @Autowired
    DemoWorldLoader loader;

    private final DemoWorld world = DemoWorld.generate(DemoWorldLoader.SEED, LocalDate.now());

    @Test
    void theWorldLoadsThroughTheFeedsWithoutARejectedRow() {
        Map<String, Object> runs = jdbc.queryForMap("""
                select count(*) as runs, count(*) filter (where status <> 'COMPLETED') as failed,
                       coalesce(sum(rows_rejected), 0) as rejected, count(distinct source) as sources
                from feed_run where triggered_by = 'demo'""");
        assertThat(((Number) runs.get("runs")).intValue())
                .as("25 KBO extracts, 25 bureau snapshots and the filings")
                .isGreaterThan(50);
        assertThat(runs.get("failed")).isEqualTo(0L);
        assertThat(((Number) runs.get("rejected")).longValue()).isZero();
        assertThat(runs.get("sources"))
                .as("KBO, accounts, bureau, Companies House and BODACC")
                .isEqualTo(5L);
        assertThat(jdbc.queryForList(
                        "select extract_number from feed_run where triggered_by = 'demo' and source = 'kbo' order by id",
                        Integer.class))
                .as("the Full, then Updates numbered consecutively")
                .startsWith(DemoWorld.FIRST_EXTRACT, DemoWorld.FIRST_EXTRACT + 1)
                .endsWith(DemoWorld.FIRST_EXTRACT + DemoWorld.MONTHS)
                .hasSize(DemoWorld.MONTHS + 1);
        assertThat(jdbc.queryForObject("select count(*) from company c where " + DEMO, Integer.class))
                .isBetween(250, 400);
        assertThat(loader.loadIfEmpty())
                .as("a registry with companies is left alone")
                .isFalse();
    }

    @Test
    void eventsSpanTwoYearsAndEveryCategoryButInternalReceivables() {
        LocalDate first = jdbc.queryForObject(
                "select min(e.effective_date) from signal_event e join company c on c.id = e.company_id where " + DEMO,
                LocalDate.class);
        LocalDate last = jdbc.queryForObject(
                "select max(e.effective_date) from signal_event e join company c on c.id = e.company_id where " + DEMO,
                LocalDate.class);
        assertThat(first).isBefore(LocalDate.now().minusMonths(23));
        assertThat(last).isAfter(LocalDate.now().minusDays(31)).isBeforeOrEqualTo(LocalDate.now());
        List<String> fired = jdbc.queryForList(
                "select distinct e.code from signal_event e join company c on c.id = e.company_id where " + DEMO
                        + " order by 1",
                String.class);
        Set<Category> categories = fired.stream()
                .map(code -> catalogue.find(code).orElseThrow().category())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(categories)
                .containsExactlyInAnyOrder(
                        Category.IDENTITY,
                        Category.STATUS,
                        Category.GOVERNANCE,
                        Category.ACCOUNTS,
                        Category.SCORES,
                        Category.PAYMENT);
        List<String> never = catalogue.enabled().stream()
                .map(Signal::code)
                .filter(code -> !fired.contains(code))
                .toList();
        System.out.println("Demo world fires " + fired.size() + " signal codes: " + fired);
        System.out.println("Demo world never fires " + never.size() + ": " + never);
        assertThat(fired)
                .contains(
                        "BANKRUPTCY_OPENED",
                        "REORGANISATION_OPENED",
                        "LIQUIDATION_OPENED",
                        "COMPANY_REGISTERED",
                        "DIRECTOR_LINKED_TO_BANKRUPTCY",
                        "DIRECTOR_LINKED_TO_HEALTHY_COMPANIES",
                        "PARENT_IN_DISTRESS",
                        "SUBSIDIARY_IN_DISTRESS",
                        "GOING_CONCERN_DOUBT",
                        "LOSSES_THREE_YEARS",
                        "RATING_UPGRADED",
                        "CAPITAL_INCREASED");
    }

    @Test
    void someCompaniesAreNewAndSomeStoppedFilingTheirAccounts() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from signal_event e join company c on c.id = e.company_id where " + DEMO
                                + " and e.code = 'COMPANY_REGISTERED' and e.effective_date > current_date - 90",
                        Integer.class))
                .as("registered in the last 90 days")
                .isGreaterThanOrEqualTo(5);
        Map<String, Object> filers = jdbc.queryForMap("""
                select count(*) filter (where latest = newest) as current,
                       count(*) filter (where latest = newest - 1) as oneYearBehind,
                       count(*) filter (where latest <= newest - 2) as twoYearsBehind
                from (select extract(year from (s.doc -> 'filings' -> 0 ->> 'periodEnd')::date) as latest,
                             max(extract(year from (s.doc -> 'filings' -> 0 ->> 'periodEnd')::date)) over () as newest
                      from company_section s join company c on c.id = s.company_id
                      where s.section = 'accounts' and\s""" + DEMO + ") f");
        assertThat(((Number) filers.get("current")).intValue())
                .as("filed the last fiscal year")
                .isGreaterThan(200);
        assertThat(((Number) filers.get("oneYearBehind")).intValue())
                .as("for ACCOUNTS_OVERDUE")
                .isGreaterThanOrEqualTo(10);
        assertThat(((Number) filers.get("twoYearsBehind")).intValue())
                .as("for ACCOUNTS_MISSING_TWO_YEARS")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFewBritishAndFrenchCompaniesTellTheirStoriesThroughCompaniesHouseAndBodacc() {
        Map<String, List<String>> stories = new java.util.LinkedHashMap<>();
        stories.put("GB 09100001", List.of("DIRECTOR_APPOINTED", "ACCOUNTS_FILED"));
        stories.put("GB 09100002", List.of("CONFIRMATION_STATEMENT_OVERDUE", "STRIKE_OFF_PROPOSED", "CEASED_ACTIVE"));
        stories.put(
                "GB SC610001", List.of("CHARGE_REGISTERED", "ADMINISTRATION_ENTERED", "INSOLVENCY_HISTORY_FLAGGED"));
        stories.put("GB 09100004", List.of("DIRECTOR_DISQUALIFIED", "DIRECTOR_RESIGNED"));
        stories.put("GB 09100005", List.of("RECEIVERSHIP_ENTERED", "INSOLVENCY_HISTORY_FLAGGED", "LIQUIDATION_OPENED"));
        stories.put("FR 552100018", List.of("SAFEGUARD_OPENED"));
        stories.put("FR 552100026", List.of("CONCILIATION_OPENED", "BUSINESS_SOLD", "ACCOUNTS_FILED"));
        stories.put("FR 552100034", List.of("REORGANISATION_OPENED", "BANKRUPTCY_OPENED", "BANKRUPTCY_CLOSED"));
        stories.put("FR 552100042", List.of("BANKRUPTCY_OPENED", "LEGAL_NOTICE_CORRECTED", "BANKRUPTCY_REVOKED"));
        stories.forEach((company, expected) -> {
            String[] id = company.split(" ");
            List<SignalEvent> timeline =
                    events.of(registry.require(id[0], id[1]).id(), null);
            assertThat(codes(timeline)).as(company).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(timeline)
                    .allSatisfy(e -> assertThat(e.effectiveDate())
                            .isAfter(LocalDate.now().minusMonths(24))
                            .isBeforeOrEqualTo(LocalDate.now()));
        });
    }

    @Test
    void theBuilderThatGoesBankruptIsProtestedThenHighRiskThenBankrupt() {
        List<SignalEvent> timeline = timeline(DemoWorld.BANKRUPT);
        LocalDate protest = firstDate(timeline, "PROTEST_REGISTERED");
        LocalDate highRisk = firstDate(timeline, "RISK_CLASS_HIGH");
        LocalDate bankruptcy = firstDate(timeline, "BANKRUPTCY_OPENED");
        assertThat(protest).isBefore(highRisk);
        assertThat(highRisk).isBefore(bankruptcy);
        assertThat(codes(timeline))
                .contains(
                        "PAYMENT_INCIDENT",
                        "RATING_DOWNGRADED",
                        "DBT_UP",
                        "GOING_CONCERN_DOUBT",
                        "ACCOUNTS_FILED_LATE",
                        "NET_RESULT_TURNED_LOSS",
                        "SEIZURE_REGISTERED",
                        "AUDITOR_RESIGNED",
                        "ADDRESS_STRUCK_OFF",
                        "EMPLOYER_DEREGISTERED",
                        "CREDIT_LIMIT_WITHDRAWN",
                        "NO_DIRECTOR_LEFT");
        assertThat(firstDate(timeline, "GOING_CONCERN_DOUBT")).isBefore(bankruptcy);
    }

    @Test
    void theBrasserieReorganisesAndRecovers() {
        List<SignalEvent> timeline = timeline(DemoWorld.REORGANISED);
        assertThat(firstDate(timeline, "PROTEST_REGISTERED")).isBefore(firstDate(timeline, "REORGANISATION_OPENED"));
        assertThat(firstDate(timeline, "REORGANISATION_OPENED")).isBefore(firstDate(timeline, "REORGANISATION_ENDED"));
        assertThat(firstDate(timeline, "REORGANISATION_ENDED"))
                .isBeforeOrEqualTo(firstDate(timeline, "RISK_CLASS_RECOVERED"));
        assertThat(codes(timeline)).contains("PROTEST_CLEARED", "NET_RESULT_TURNED_PROFIT");
    }

    @Test
    void theSoftwareCompanyGrows() {
        assertThat(codes(timeline(DemoWorld.GROWING)))
                .contains(
                        "EMPLOYER_REGISTERED",
                        "RATING_UPGRADED",
                        "ESTABLISHMENT_OPENED",
                        "TURNOVER_UP_20",
                        "CAPITAL_INCREASED",
                        "HEADCOUNT_UP_20",
                        "AUDITOR_APPOINTED");
    }

    @Test
    void theBankruptGroupsSubsidiariesHearOfIt() {
        String parent = number(DemoWorld.PARENT);
        List<String> subsidiaries = jdbc.queryForList(
                "select c.number from company_parent p join company c on c.id = p.company_id "
                        + "where p.parent_country = 'BE' and p.parent_number = ?",
                String.class,
                parent);
        assertThat(subsidiaries).hasSize(2);
        for (String subsidiary : subsidiaries) {
            assertThat(codes(events.of(registry.require("BE", subsidiary).id(), null)))
                    .contains("PARENT_IN_DISTRESS");
        }
    }

    @Test
    void theDemoTenantsInboxHoldsTheAlertsOfTheMonthsSinceItsWatchlistWasEnrolled() throws InterruptedException {
        String demo = "(select id from tenant where name = '" + DemoAccounts.TENANT_NAME + "')";
        String counts = "select count(*) as alerts, count(*) filter (where polarity = 'negative') as negative, "
                + "min(effective_date) as first from alert where tenant_id = " + demo;
        Wait.until(
                "the demo tenant's negative alerts",
                () -> ((Number) jdbc.queryForMap(counts).get("negative")).longValue() > 0);
        Map<String, Object> inbox = jdbc.queryForMap(counts);
        assertThat(((Number) inbox.get("negative")).longValue())
                .as("the bankruptcies of the last months among the watched")
                .isPositive();
        assertThat(((java.sql.Date) inbox.get("first")).toLocalDate())
                .as("nothing from before the watchlist")
                .isAfter(world.month(DemoWorld.MONTHS - DemoWorldLoader.RECENT_MONTHS - 1));
        assertThat(jdbc.queryForList("select distinct code from alert where tenant_id = " + demo, String.class))
                .contains("BANKRUPTCY_OPENED");
    }

    private List<SignalEvent> timeline(String name) {
        return events.of(registry.require("BE", number(name)).id(), null).stream()
                .sorted(Comparator.comparing(SignalEvent::effectiveDate))
                .toList();
    }

    private String number(String name) {
        String display = world.stories().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .number();
        return CompanyNumbers.require(display, "BE").number();
    }

    private static List<String> codes(List<SignalEvent> timeline) {
        return timeline.stream().map(SignalEvent::code).toList();
    }

    private static LocalDate firstDate(List<SignalEvent> timeline, String code) {
        return timeline.stream()
                .filter(e -> e.code().equals(code))
                .map(SignalEvent::effectiveDate)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError(code + " not in " + codes(timeline)));
    }
}
