package eu.vigil.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import eu.vigil.demo.DemoAccounts;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.WatchedCompanies;
import eu.vigil.watchlist.WatchlistManagement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each role opens Vigil on its own home: a credit manager on the portfolio (companies and exposure by light, exposure at
 * risk, what went red or amber since the last visit, the biggest exposures at risk, the high-risk share, a year of red
 * and amber), every number leading to the list behind it; a salesperson on the opportunities of their own companies and
 * prospects; the platform admin on feed health. The portfolio is a fresh tenant's watchlist over demo-world companies,
 * whose lights the test reads from the light rules themselves.
 */
class HomeBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    WatchedCompanies watched;

    @Autowired
    FeedIngestion ingestion;

    @Test
    void aCreditManagerSeesThePortfolioByLightAndEveryNumberLeadsToTheListBehindIt() {
        TestTenant tenant = data.tenant("Home Portfolio");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        Map<String, List<Long>> byLight = demoCompaniesByLight();
        assertThat(byLight.get("red"))
                .as("the demo world has bankrupt companies")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(byLight.get("green")).hasSizeGreaterThanOrEqualTo(3);
        List<Long> reds = byLight.get("red").subList(0, 2);
        List<Long> ambers = byLight.get("amber").stream().limit(1).toList();
        List<Long> greens = byLight.get("green").subList(0, 3);
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Customers").id());
        TenantContext.runAs(tenant.id(), () -> {
            add(list, reds.get(0), "120000");
            add(list, reds.get(1), "30000");
            ambers.forEach(id -> add(list, id, "20000"));
            greens.forEach(id -> add(list, id, "10000"));
            watchlists.add(
                    list,
                    "BE" + FeedLines.belgianNumber(),
                    new EntryData("P-1", Relationship.PROSPECT, null, null, null, List.of()));
        });

        signIn(credit.email(), TestData.PASSWORD);

        PlaywrightAssertions.assertThat(page.getByTestId("home-portfolio")).isVisible();
        assertThat(card("red")).isEqualTo("2");
        assertThat(card("amber")).isEqualTo(String.valueOf(ambers.size()));
        assertThat(card("green")).isEqualTo("3");
        assertThat(card("pending")).isEqualTo("1");
        assertThat(page.locator("#light-red [data-testid=amount]").textContent())
                .isEqualTo("€150,000");
        assertThat(page.locator("#light-green [data-testid=amount]").textContent())
                .isEqualTo("€30,000");
        assertThat(page.locator("#at-risk [data-testid=amount]").textContent())
                .isEqualTo(ambers.isEmpty() ? "€150,000" : "€170,000");
        assertThat(page.locator("#biggest li").first().textContent()).contains("€120,000");
        assertThat(page.locator("#biggest li").count()).isEqualTo(2 + ambers.size());
        // the demo world's events were detected when it loaded, within the week a first visit looks back on
        assertThat(page.locator("#changed-link").textContent()).endsWith(": " + (2 + ambers.size()));
        PlaywrightAssertions.assertThat(page.locator("#chart-history[data-rendered=true]"))
                .hasCount(1);
        assertThat(page.locator("#history-table tr").count()).isEqualTo(1 + 12);

        for (String light : List.of("red", "amber", "green", "pending")) {
            String shown = card(light);
            page.locator("#light-" + light).click();
            assertThat(page.locator("#list-count").textContent()).isEqualTo("Entries: " + shown);
            assertThat(page.locator("#portfolio-table tbody tr[data-light=" + light + "]")
                            .count())
                    .isEqualTo(Integer.parseInt(shown));
            page.goBack();
        }
        page.locator("#at-risk").click();
        assertThat(page.locator("#list-count").textContent()).isEqualTo("Entries: " + (2 + ambers.size()));
        assertThat(page.locator("#portfolio-table tbody tr").first().textContent())
                .contains("€120,000");
        page.goBack();
        String highRisk = page.locator("#high-risk [data-testid=companies]").textContent();
        page.locator("#high-risk").click();
        assertThat(highRisk)
                .startsWith(page.locator("#list-count").textContent().replace("Entries: ", "") + " of ");
        page.goBack();
        page.locator("#changed-link").click();
        assertThat(page.locator("#list-count").textContent()).isEqualTo("Entries: " + (2 + ambers.size()));
        page.goBack();
        page.locator("#alerts-for-me").click();
        assertThat(page.url()).contains("/alerts?view=mine&state=new");
        PlaywrightAssertions.assertThat(page.locator("#view-mine")).hasClass(java.util.regex.Pattern.compile("active"));
    }

    @Test
    void whatWentAmberSinceTheLastVisitIsAllThatTheNextVisitShowsAsChanged() {
        TestTenant tenant = data.tenant("Home Since");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String number = FeedLines.belgianNumber();
        bureau(number, LocalDate.now().minusDays(20), "\"rating\":\"BBB\",\"risk_class\":2");
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Customers").id());
        TenantContext.runAs(tenant.id(), () -> {
            watchlists.add(
                    list,
                    "BE" + number,
                    new EntryData(
                            "C-9",
                            Relationship.CUSTOMER,
                            null,
                            new Amount(new BigDecimal("40000"), "EUR"),
                            null,
                            List.of()));
        });
        signIn(credit.email(), TestData.PASSWORD);
        assertThat(card("amber")).isEqualTo("0");
        // the visit was more than half an hour ago: the next one looks back to it
        jdbc.update("update home_visit set seen_at = now() - interval '1 hour' where user_id = ?", credit.id());

        bureau(number, LocalDate.now(), "\"rating\":\"BBB\",\"risk_class\":5");
        // the watchlist refreshes its lights after the run, on its own
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "amber"
                        .equals(jdbc.queryForObject(
                                "select l.light from company_light l join company c on c.id = l.company_id where c.country = 'BE' and c.number = ?",
                                String.class,
                                number)));
        page.navigate("/");

        assertThat(card("amber")).isEqualTo("1");
        assertThat(page.locator("#changed-link").textContent()).endsWith(": 1");
        assertThat(page.locator("#changed li").getAttribute("data-number")).isEqualTo("BE" + number);
        assertThat(page.locator("#changed li").textContent()).contains("High risk class");
        page.locator("#changed-link").click();
        assertThat(page.locator("#portfolio-table tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#portfolio-table tbody tr").getAttribute("data-number"))
                .isEqualTo("BE" + number);
    }

    @Test
    void aSalespersonSeesPositiveSignalsOnTheirOwnCompaniesAndProspectsNewestFirst() {
        TestTenant tenant = data.tenant("Home Sales");
        TestUser sales = data.member(tenant, Role.SALES, Language.EN);
        String owned = FeedLines.belgianNumber();
        String prospect = FeedLines.belgianNumber();
        String someoneElses = FeedLines.belgianNumber();
        for (String number : List.of(owned, prospect, someoneElses)) {
            bureau(number, LocalDate.now().minusDays(40), "\"rating\":\"BB\"");
        }
        bureau(prospect, LocalDate.now().minusDays(10), "\"rating\":\"A\"");
        bureau(owned, LocalDate.now().minusDays(2), "\"rating\":\"A\"");
        bureau(someoneElses, LocalDate.now().minusDays(1), "\"rating\":\"A\"");
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Pipeline").id());
        TenantContext.runAs(tenant.id(), () -> {
            watchlists.add(
                    list, "BE" + owned, new EntryData("S-1", Relationship.CUSTOMER, null, null, sales.id(), List.of()));
            watchlists.add(
                    list, "BE" + prospect, new EntryData("S-2", Relationship.PROSPECT, null, null, null, List.of()));
            watchlists.add(
                    list,
                    "BE" + someoneElses,
                    new EntryData("S-3", Relationship.CUSTOMER, null, null, null, List.of()));
        });

        signIn(sales.email(), TestData.PASSWORD);

        Locator items = page.locator("#opportunities li");
        assertThat(items.count()).isEqualTo(2);
        assertThat(items.nth(0).getAttribute("data-number")).isEqualTo("BE" + owned);
        assertThat(items.nth(0).textContent()).contains("Yours");
        assertThat(items.nth(1).getAttribute("data-number")).isEqualTo("BE" + prospect);
        assertThat(items.nth(1).textContent()).contains("Prospect");
        assertThat(items.nth(0).getAttribute("data-code")).startsWith("RATING_UP");
    }

    @Test
    void thePlatformAdminSeesEachSourcesLastRunItsFailuresAndTheOutbox() {
        RunView failed = ingestion.ingestNow("bureau", FeedLines.file("{not json"), "broken.jsonl", true, "test");
        var platform = DemoAccounts.ACCOUNTS.getFirst();

        signIn(platform.email(), DemoAccounts.PASSWORD);

        Locator bureau = page.locator("#source-bureau");
        assertThat(bureau.textContent()).contains("Run " + failed.id());
        assertThat(bureau.locator("[data-testid=age]").textContent()).isEqualTo("0 min ago");
        assertThat(Integer.parseInt(
                                page.locator("#failed-runs .fs-4").textContent().strip())
                        + Integer.parseInt(
                                page.locator("#quarantined .fs-4").textContent().strip()))
                .isPositive();
        assertThat(page.locator("#source-kbo").textContent()).contains("Run ");
        assertThat(page.locator("#dead-letters .fs-4").textContent().strip()).matches("\\d+");
    }

    @Test
    void atPhoneWidthTheHomeAndTheListReadWithoutScrollingSideways() {
        page.setViewportSize(390, 844);
        var credit = DemoAccounts.ACCOUNTS.stream()
                .filter(a -> a.role() == Role.CREDIT_MANAGER)
                .findFirst()
                .orElseThrow();
        signIn(credit.email(), DemoAccounts.PASSWORD);
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
        page.navigate("/portfolio");
        assertThat(page.locator("#portfolio-table tbody tr").count()).isPositive();
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    private String card(String light) {
        return page.locator("#light-" + light + " [data-testid=companies]")
                .textContent()
                .strip();
    }

    private void add(UUID list, long companyId, String exposure) {
        Map<String, Object> company = jdbc.queryForMap("select country, number from company where id = ?", companyId);
        watchlists.add(
                list,
                ((String) company.get("country")).trim() + company.get("number"),
                new EntryData(
                        null,
                        Relationship.CUSTOMER,
                        null,
                        new Amount(new BigDecimal(exposure), "EUR"),
                        null,
                        List.of()));
    }

    /** Demo-world Belgian companies by the light their signal history gives them now, as the light rules compute it. */
    private Map<String, List<Long>> demoCompaniesByLight() {
        List<Long> ids =
                jdbc.queryForList("select id from company where country = 'BE' order by id limit 400", Long.class);
        Map<Long, String> lights = watched.lights(ids);
        Map<String, List<Long>> byLight = new LinkedHashMap<>();
        for (String light : List.of("red", "amber", "green")) {
            byLight.put(light, new ArrayList<>());
        }
        ids.forEach(id -> byLight.get(lights.get(id)).add(id));
        return byLight;
    }

    private void bureau(String number, LocalDate asOf, String fields) {
        String line = "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + asOf
                + "\",\"bureau\":\"test\"," + fields + "}";
        RunView run = ingestion.ingestNow("bureau", FeedLines.file(line), "snapshot.jsonl", true, "test");
        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(run.rowsRejected()).isZero();
    }
}
