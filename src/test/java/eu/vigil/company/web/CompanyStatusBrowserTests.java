package eu.vigil.company.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.demo.DemoAccounts;
import eu.vigil.support.BrowserTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Claire, a French-speaking credit manager of the demo tenant, opens the demo world's insolvent companies: the summary
 * card at the top of the page says at a glance where each stands, since when, how red it is and why, before the timeline.
 */
class CompanyStatusBrowserTests extends BrowserTest {

    @Test
    void aCreditManagerSeesTheTrueStatusAndTheLightAtTheTopOfTheCompanyPage() {
        signIn("credit@demo.example", DemoAccounts.PASSWORD);

        page.navigate("/companies/BE/0310143840?lang=fr");
        assertThat(page.locator("#company-status")).hasAttribute("data-status", "bankrupt");
        assertThat(page.locator("#company-status"))
                .hasText(Pattern.compile("^En faillite depuis le \\d{1,2} [a-zéû]+\\.? \\d{4}$"));
        assertThat(page.locator("#company-status")).hasClass(Pattern.compile("text-bg-danger"));
        assertThat(page.locator("#company-light-value")).hasAttribute("data-light", "red");
        assertThat(page.locator("#company-light-reason")).containsText("Ouverture de faillite");
        assertThat(page.locator("#company-legal-form")).hasText("Société anonyme");
        assertThat(page.locator("#summary-address")).containsText("Malines");
        assertThat(page.locator("#summary-activity")).containsText("41201");
        assertThat(page.locator("#summary-scores")).containsText("Notation D");
        assertThat(page.locator("#timeline-events")).isVisible();
        double card = page.locator("#company-summary").boundingBox().y;
        assertThat(card)
                .as("the summary comes before the timeline")
                .isLessThan(page.locator("#timeline-heading").boundingBox().y);
        assertThat(page.locator("main")).not().containsText("Active");

        page.navigate("/companies/FR/552100034?lang=fr");
        assertThat(page.locator("#company-status")).hasAttribute("data-status", "liquidation-closed");
        assertThat(page.locator("#company-status")).containsText("Liquidation clôturée le");
        assertThat(page.locator("#company-light-value")).hasAttribute("data-light", "red");

        page.navigate("/companies/GB/SC610001?lang=nl");
        assertThat(page.locator("#company-status")).containsText("Onder gerechtelijk bewind sinds");
        assertThat(page.locator("#company-light-value")).hasAttribute("data-light", "red");

        page.navigate("/companies/GB/09100002?lang=it");
        assertThat(page.locator("#company-status")).containsText("Sciolta il");
        assertThat(page.locator("main")).not().containsText("dissolved");

        page.navigate("/companies?q=limited&lang=fr");
        assertThat(page.locator("#company-matches tr:has-text('MERSEY') [data-status]"))
                .hasAttribute("data-status", "liquidation");
        assertThat(page.locator("#company-matches tr:has-text('MERSEY') [data-status]"))
                .containsText("En liquidation depuis le");
        assertThat(page.locator("#company-matches tr:has-text('THAMES') [data-status]"))
                .hasText("Active");
    }
}
