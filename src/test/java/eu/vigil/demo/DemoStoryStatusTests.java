package eu.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatus.Kind;
import eu.vigil.company.CompanyStatuses;
import eu.vigil.company.ParseResult;
import eu.vigil.demo.world.DemoWorld;
import eu.vigil.support.VigilTest;
import eu.vigil.watchlist.WatchedCompanies;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every story of the demo world, read as a credit manager reads it: the one status the badge shows, with its date,
 * and the traffic light. The table below is what a credit manager expects of each story; the test fails when the
 * portal says otherwise (a liquidated company shown "Active", an administration only amber).
 */
@VigilTest
class DemoStoryStatusTests {

    @Autowired
    CompanyRegistry registry;

    @Autowired
    CompanyStatuses statuses;

    @Autowired
    WatchedCompanies watched;

    /** What a credit manager expects: the statuses the story may be in today, and the light. */
    record Expected(Set<Kind> kinds, String light) {

        static Expected of(String light, Kind... kinds) {
            return new Expected(Set.of(kinds), light);
        }
    }

    /** By the story's words (a prefix for "goes bankrupt in month 7"). */
    private static final Map<String, Expected> BELGIAN = belgian();

    private static Map<String, Expected> belgian() {
        Map<String, Expected> table = new LinkedHashMap<>();
        table.put("goes bankrupt in month", Expected.of("red", Kind.BANKRUPT, Kind.BANKRUPTCY_CLOSED));
        table.put("judicial reorganisation, then recovery", Expected.of("green", Kind.ACTIVE));
        table.put("judicial reorganisation", Expected.of("red", Kind.REORGANISATION));
        table.put("liquidation, closed, then reopened", Expected.of("red", Kind.LIQUIDATION));
        table.put("voluntary liquidation", Expected.of("red", Kind.LIQUIDATION, Kind.LIQUIDATION_CLOSED));
        table.put("all shares in one hand", Expected.of("green", Kind.ACTIVE));
        table.put("merged into another company", Expected.of("red", Kind.CEASED));
        table.put("demerged", Expected.of("red", Kind.CEASED));
        table.put("dissolved by law", Expected.of("red", Kind.DISSOLVED));
        table.put("dissolved by court", Expected.of("red", Kind.DISSOLVED));
        table.put("struck off", Expected.of("red", Kind.STRUCK_OFF));
        // revoked more than a year ago: nothing negative left in the amber window
        table.put("bankruptcy opened, then revoked on appeal", Expected.of("green", Kind.ACTIVE));
        table.put("ceased, then active again", Expected.of("green", Kind.ACTIVE));
        table.put("subsidiary of a company that goes bankrupt", Expected.of("amber", Kind.ACTIVE));
        return table;
    }

    /** The British and French companies, by number. */
    private static final Map<String, Expected> FOREIGN = Map.of(
            "GB 09100001", Expected.of("green", Kind.ACTIVE),
            "GB 09100002", Expected.of("red", Kind.DISSOLVED),
            "GB SC610001", Expected.of("red", Kind.ADMINISTRATION),
            "GB 09100005", Expected.of("red", Kind.LIQUIDATION),
            "FR 552100018", Expected.of("amber", Kind.UNDER_PLAN),
            "FR 552100034", Expected.of("red", Kind.LIQUIDATION_CLOSED),
            "FR 552100042", Expected.of("green", Kind.ACTIVE));

    @Test
    void everyStoryShowsTheStatusAndTheLightACreditManagerExpects() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (DemoWorld.Story story :
                DemoWorld.generate(DemoWorldLoader.SEED, LocalDate.now()).stories()) {
            Expected expected = BELGIAN.entrySet().stream()
                    .filter(e -> story.story().equals(e.getKey())
                            || story.story().startsWith(e.getKey())
                                    && e.getKey().equals("goes bankrupt in month"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (expected != null) {
                checked++;
                check(
                        new CompanyId("BE", story.number().replace(".", "")),
                        story.name() + " (" + story.story() + ")",
                        expected,
                        wrong);
            } else if (story.story().equals("healthy")) {
                long id = registry.find(new CompanyId("BE", story.number().replace(".", "")))
                        .orElseThrow()
                        .id();
                if (statuses.of(id).kind() != Kind.ACTIVE) {
                    wrong.add(story.name() + " (healthy) is " + statuses.of(id).kind());
                }
            }
        }
        for (var foreign : FOREIGN.entrySet()) {
            String[] parts = foreign.getKey().split(" ");
            ParseResult.Valid valid = (ParseResult.Valid) CompanyNumbers.parse(parts[1], parts[0]);
            checked++;
            check(valid.id(), foreign.getKey(), foreign.getValue(), wrong);
        }
        assertThat(checked).as("stories checked").isGreaterThan(25);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theStatusCarriesTheDateTheSourceGivesIt() {
        assertThat(status("BE", "0310143840"))
                .as("the KBO extract that showed the bankruptcy")
                .isEqualTo(new CompanyStatus(Kind.BANKRUPT, effective("BE", "0310143840", "BANKRUPTCY_OPENED")));
        assertThat(status("GB", "SC610001"))
                .as("the insolvency case's administration-started-on")
                .isEqualTo(
                        new CompanyStatus(Kind.ADMINISTRATION, effective("GB", "SC610001", "ADMINISTRATION_ENTERED")));
        assertThat(status("FR", "552100034"))
                .as("the closing judgment's date, not its publication's")
                .isEqualTo(
                        new CompanyStatus(Kind.LIQUIDATION_CLOSED, effective("FR", "552100034", "BANKRUPTCY_CLOSED")));
        String ceased = registry.find(new CompanyId("GB", "09100002"))
                .orElseThrow()
                .sections()
                .get(eu.vigil.company.Section.IDENTITY)
                .json()
                .replaceAll(".*\"ceasedOn\":\"([0-9-]+)\".*", "$1");
        assertThat(status("GB", "09100002"))
                .as("the profile's date of cessation")
                .isEqualTo(new CompanyStatus(Kind.DISSOLVED, LocalDate.parse(ceased)));
    }

    @Autowired
    eu.vigil.signal.SignalEvents events;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aCompanyThatIsBankruptLiquidatedDissolvedStruckOffOrCeasedGetsNoOverdueAccountsSignal() {
        List<Long> withOverdue = jdbc.queryForList("""
                select distinct company_id from signal_event where code in ('ACCOUNTS_OVERDUE', 'ACCOUNTS_MISSING_TWO_YEARS')""", Long.class);
        assertThat(withOverdue)
                .as("the demo world has companies that stopped filing")
                .isNotEmpty();
        Map<Long, CompanyStatus> status = statuses.of(withOverdue);
        assertThat(withOverdue.stream()
                        .filter(id -> status.containsKey(id) && status.get(id).woundUp())
                        .map(id -> id + " " + status.get(id))
                        .toList())
                .isEmpty();
        List<Long> woundUp = jdbc.queryForList("""
                select s.company_id from company_section s join company_section a on a.company_id = s.company_id
                where s.section = 'status' and a.section = 'accounts'""", Long.class);
        assertThat(statuses.of(woundUp).values().stream()
                        .filter(CompanyStatus::woundUp)
                        .count())
                .as("wound-up companies with accounts, whose filings stopped")
                .isGreaterThan(5);
    }

    private LocalDate effective(String country, String number, String code) {
        long id = registry.find(new CompanyId(country, number)).orElseThrow().id();
        return events.of(id, null).stream()
                .filter(e -> e.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(country + " " + number + " has no " + code))
                .effectiveDate();
    }

    private CompanyStatus status(String country, String number) {
        return statuses.of(
                registry.find(new CompanyId(country, number)).orElseThrow().id());
    }

    private void check(CompanyId company, String what, Expected expected, List<String> wrong) {
        long id = registry.find(company)
                .orElseThrow(() -> new AssertionError(what + " is not in the registry"))
                .id();
        CompanyStatus status = statuses.of(id);
        String light = watched.light(id).light();
        if (!expected.kinds().contains(status.kind()) || !expected.light().equals(light)) {
            wrong.add(what + ": expected " + expected.kinds() + " " + expected.light() + ", was " + status.kind()
                    + " since " + status.since() + " " + light);
        }
        if (status.kind() != Kind.ACTIVE && status.since() == null) {
            wrong.add(what + ": " + status.kind() + " without a date");
        }
    }
}
