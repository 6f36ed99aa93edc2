package eu.vigil.company.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@VigilTest
class CompanyPageTests {

    private static DemoCompany company;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private TestUser reader;
    private TestUser frenchReader;

    @BeforeEach
    void aCompanyWithEveryFeedAndTwoReaders() {
        if (company == null) {
            company = DemoCompany.ingest(ingestion);
        }
        var tenant = data.tenant("Page");
        reader = tenant.admin();
        frenchReader = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
    }

    @Test
    void thePageShowsIdentityScoresAccountsOfficersAndIncidents() throws Exception {
        String page = page(get("/companies/BE/{number}", company.number()), reader);
        assertThat(page).contains(company.name());
        assertThat(page)
                .contains("id=\"score-rating\">B<")
                .contains("id=\"score-riskClass\">4<")
                .contains("5.0%")
                .contains("€20,000.00")
                .contains("id=\"score-dbt\">25<");
        assertThat(page)
                .as("a chart per score group, data in attributes (the CSP forbids inline scripts)")
                .contains(
                        "id=\"chart-scores\"",
                        "id=\"chart-pd\"",
                        "id=\"chart-limit\"",
                        "data-chart=\"{&quot;labels&quot;")
                .doesNotContain("<script>");
        assertThat(page)
                .as("latest filing, late")
                .contains("id=\"accounts-late\"")
                .contains("10,250,000")
                .contains("8,200,000")
                .contains("Current ratio")
                .contains("1.47")
                .contains("Solvency")
                .contains("30.2%")
                .contains("Net margin")
                .contains("2.0%");
        assertThat(page).contains("Jansen, Eva").contains("Peeters, Jan").contains("Audit &amp; Co (B00123)");
        assertThat(page)
                .as("the parent is known, so linked")
                .contains("href=\"/companies/BE/" + company.parentNumber() + "\"");
        assertThat(page).contains("Protest").contains("€4,200.00").contains("75 days late");
        assertThat(page)
                .as("the timeline is loaded by htmx")
                .contains("hx-get=\"/companies/BE/" + company.number() + "/timeline\"");
    }

    @Test
    void theTimelineListsEventsNewestFirstWithLabelsAndFilters() throws Exception {
        String all = timeline("", reader);
        assertThat(all).contains("Rating downgraded", "Turnover up more than 20%", "Protest registered");
        assertThat(all.indexOf("data-signal=\"RATING_DOWNGRADED\""))
                .as("newest first")
                .isLessThan(all.indexOf("data-signal=\"TURNOVER_UP_20\""))
                .isLessThan(all.indexOf("data-signal=\"PROTEST_REGISTERED\""));
        assertThat(all).contains("BBB").contains("→").contains("source credit bureau");

        String positive = timeline("?polarity=positive", reader);
        assertThat(positive).contains("data-signal=\"TURNOVER_UP_20\"").doesNotContain("data-polarity=\"negative\"");
        String lastWeek = timeline("?days=7", reader);
        assertThat(lastWeek)
                .contains("data-signal=\"RATING_DOWNGRADED\"")
                .doesNotContain("data-signal=\"TURNOVER_UP_20\"", "data-signal=\"PROTEST_REGISTERED\"");
        String accounts = timeline("?category=accounts&days=30", reader);
        assertThat(accounts).contains("data-signal=\"TURNOVER_UP_20\"").doesNotContain("data-category=\"scores\"");
        assertThat(timeline("?days=30&category=identity&polarity=positive", reader))
                .contains("id=\"timeline-empty\"");

        assertThat(timeline("", frenchReader))
                .contains("Notation abaissée", "Forte hausse du chiffre d&#39;affaires", "négatif");
    }

    @Test
    void withoutJavaScriptTheTimelineIsAPageOfItsOwn() throws Exception {
        MvcResult result = mvc.perform(get("/companies/BE/{number}/timeline", company.number())
                        .param("polarity", "negative")
                        .with(user(reader.principal())))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString())
                .contains("<html")
                .contains("Rating downgraded")
                .contains("href=\"/companies/BE/" + company.number() + "\"");
    }

    @Test
    void unknownOrMalformedCompaniesAnswer404WithoutAStackTrace() throws Exception {
        for (String path : new String[] {
            "/companies/BE/0403170702/timeline", "/companies/BE/0200065765/timeline", "/companies/BE/0403170702"
        }) {
            MvcResult result = mvc.perform(
                            get(path).header("HX-Request", "true").with(user(reader.principal())))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "at eu.vigil");
        }
    }

    @Test
    void aNameFindsTheCompanyOrListsSeveral() throws Exception {
        MvcResult one = mvc.perform(get("/companies")
                        .param("q", "brouwerij " + company.word().toLowerCase())
                        .with(user(reader.principal())))
                .andReturn();
        assertThat(one.getResponse().getRedirectedUrl()).isEqualTo("/companies/BE/" + company.number());

        String several = page(get("/companies").param("q", company.word()), reader);
        assertThat(several)
                .contains("id=\"company-matches\"")
                .contains(company.name())
                .contains(company.word() + " Holding NV")
                .contains(company.display())
                .contains("Active");

        assertThat(page(get("/companies").param("q", "Nobody" + company.word()), reader))
                .contains("id=\"company-no-name\"");
        assertThat(page(get("/companies").param("q", "BE0403170702"), reader))
                .as("a mistyped number stays a number")
                .contains("id=\"company-invalid\"");
        assertThat(page(get("/companies").param("q", "50%_off"), reader))
                .as("wildcards are taken literally")
                .contains("id=\"company-no-name\"");
    }

    @Test
    void aNumberWithoutACountryIsTriedInEveryCountryItFitsAndAnUnknownOneCanBeWatched() throws Exception {
        String digits = String.valueOf(
                10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000));
        company("NL", digits, "Nederlandse Tulp B.V.");
        MvcResult one = mvc.perform(get("/companies").param("q", digits).with(user(reader.principal())))
                .andReturn();
        assertThat(one.getResponse().getRedirectedUrl()).isEqualTo("/companies/NL/" + digits);

        company("GB", digits, "British Rose Limited");
        String several = page(get("/companies").param("q", digits), reader);
        assertThat(several)
                .contains("id=\"company-matches\"")
                .contains("Nederlandse Tulp B.V.")
                .contains("British Rose Limited")
                .contains("Netherlands")
                .contains("United Kingdom");

        String unknown = page(get("/companies").param("q", "0897.001.164"), frenchReader);
        assertThat(unknown)
                .as("a valid number Vigil does not know: said so, with a way to watch it, no 404")
                .contains("id=\"company-unknown\"")
                .contains("ne connaît pas encore")
                .contains("/watchlists/watch?number=BE0897001164");
        assertThat(page(get("/watchlists/watch").param("number", "BE0897001164"), frenchReader))
                .contains("BE0897001164")
                .contains("Surveiller une entreprise");
    }

    private void company(String country, String number, String name) {
        eu.vigil.support.RegistryRows.company(jdbc, country, number, name, null);
    }

    private String timeline(String query, TestUser user) throws Exception {
        return page(
                get("/companies/BE/" + company.number() + "/timeline" + query).header("HX-Request", "true"), user);
    }

    private String page(MockHttpServletRequestBuilder request, TestUser user) throws Exception {
        MvcResult result = mvc.perform(request.with(user(user.principal()))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
