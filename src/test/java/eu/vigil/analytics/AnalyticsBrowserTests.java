package eu.vigil.analytics;

import static eu.vigil.analytics.Ledgers.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.tenancy.Role;
import eu.vigil.watchlist.WatchlistManagement;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A French credit manager on a phone opens the portfolio analytics from the receivables page, reads the matrix of risk
 * class by overdue age, and opens the cell of class 4, 61 to 90 days: the list behind it holds the one customer there.
 */
class AnalyticsBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchlistManagement watchlists;

    @Test
    void aMatrixCellOpensTheCustomersBehindIt() throws Exception {
        TestTenant tenant = data.tenant("Analytics phone");
        TestUser manager = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        String red = Ledgers.company(jdbc, "Rouge Risque SA", 4);
        String green = Ledgers.company(jdbc, "Vert Sain SA", 4);
        UUID list = Ledgers.watchlist(watchlists, tenant, "Clients");
        Ledgers.watch(watchlists, tenant, list, red, "C-ROUGE");
        Ledgers.watch(watchlists, tenant, list, green, "C-VERT");
        LocalDate today = LocalDate.now();
        Ledgers.load(
                mvc,
                jdbc,
                tenant,
                today,
                invoice("F-1", "C-ROUGE", today, 75, "1234.50"),
                invoice("F-2", "C-VERT", today, 15, "800"));
        Ledgers.light(jdbc, red, "red");

        page.setViewportSize(390, 844);
        signIn(manager.email(), TestData.PASSWORD);
        page.navigate("/receivables");
        page.locator("#receivables-analytics").click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Analyse du portefeuille");
        assertThat(page.locator("#analytics-total")
                        .textContent()
                        .replace('\u202F', ' ')
                        .replace('\u00A0', ' '))
                .isEqualTo("2 034,50 €");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                        page.locator("#chart-amounts[data-rendered]"))
                .hasCount(1);
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);

        page.locator("#analytics-matrix td[data-risk='4'][data-bucket='61_90'] a")
                .click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Clients derrière le chiffre");
        assertThat(page.url()).contains("risk=4").contains("bucket=61_90");
        assertThat(page.locator("#analytics-customers tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#analytics-customers tr[data-customer='C-ROUGE']")
                        .textContent())
                .contains("Rouge Risque SA");
        assertThat(page.locator("#analytics-list-summary")
                        .textContent()
                        .replace('\u202F', ' ')
                        .replace('\u00A0', ' '))
                .contains("1 234,50 €");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
