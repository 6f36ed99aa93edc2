package eu.vigil.company.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import eu.vigil.demo.DemoAccounts;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CompanyPageBrowserTests extends BrowserTest {

    @Autowired
    FeedIngestion ingestion;

    @Test
    void aReaderFindsACompanyByNameFiltersItsTimelineSeesItsChartsAndReadsItInFrench() {
        DemoCompany company = DemoCompany.ingest(ingestion);

        signIn("admin@demo.example", DemoAccounts.PASSWORD);
        page.locator("#nav-companies").click();
        page.locator("#company-q").fill("brouwerij " + company.word());
        page.locator("#company-search").click();
        assertThat(page.locator("#company-name")).hasText(company.name());

        assertThat(page.locator("#timeline-events")).containsText("Rating downgraded");
        assertThat(page.locator("#timeline-events")).containsText("Protest registered");
        assertThat(page.locator("#timeline-events")).containsText("Turnover up more than 20%");

        page.locator("#timeline-polarity").selectOption("positive");
        // each filter change swaps the list in: wait for the list answering this filter, not the one before
        assertThat(page.locator("#timeline-events[data-filter='|positive|']")).hasCount(1);
        assertThat(page.locator("#timeline-events [data-polarity=negative]")).hasCount(0);
        assertThat(page.locator("#timeline-events")).containsText("Turnover up more than 20%");

        page.locator("#timeline-polarity").selectOption("");
        assertThat(page.locator("#timeline-events[data-filter='||']")).hasCount(1);
        assertThat(page.locator("#timeline-events [data-signal=PROTEST_REGISTERED]"))
                .hasCount(1);
        page.locator("#timeline-days").selectOption("7");
        assertThat(page.locator("#timeline-events[data-filter='||7']")).hasCount(1);
        assertThat(page.locator("#timeline-events [data-signal=TURNOVER_UP_20]"))
                .hasCount(0);
        assertThat(page.locator("#timeline-events [data-signal=PROTEST_REGISTERED]"))
                .hasCount(0);
        assertThat(page.locator("#timeline-events")).containsText("Rating downgraded");

        assertThat(page.locator("#chart-scores")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#chart-pd")).isVisible();
        assertThat(page.locator("#score-rating")).hasText("B");
        assertThat(page.locator("#accounts-late")).isVisible();
        assertThat(page.locator("#company-officers")).containsText("Peeters, Jan");

        page.locator("#lang-menu").click();
        page.locator("[data-lang=fr]").click();
        assertThat(page.locator("#accounts-heading")).hasText("Comptes annuels");
        assertThat(page.locator("#timeline-events")).containsText("Notation abaissée");
        assertThat(page.locator("#timeline-events")).containsText("Forte hausse du chiffre d'affaires");
        assertThat(page.locator("#timeline-polarity option[value=negative]")).hasText("négatif");

        page.locator("#company-parent a").click();
        assertThat(page.locator("#company-name")).hasText(company.word() + " Holding NV");
    }
}
