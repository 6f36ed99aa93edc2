package eu.vigil.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.RegistryRows;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An admin on a phone makes paid-on-time the whole scorecard, first with a range written wrong (the message names the
 * variable and the range, and the form keeps the text), then right; the customer, paying every invoice on time, scores
 * 100 (A) on the company page, and the credit manager accepts the advised limit, which the watchlist then shows.
 */
class ScorecardBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminEditsTheScorecardOnAPhoneAndTheCreditManagerAcceptsTheAdvice() throws Exception {
        TestTenant tenant = data.tenant("Phone scorecard");
        TestUser manager = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String number = LedgerApi.number();
        long companyId = RegistryRows.company(jdbc, "BE", number, "Kaart Proef NV", "Hasselt");
        jdbc.update("""
                insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                values (?, 'scores', '{"riskClass":"2","creditLimit":"25000","currency":"EUR"}'::json, 0, 'bureau',
                        'test extract', current_date, 0)""", companyId);
        long entryId = TenantContext.callAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            return watchlists
                    .add(
                            list,
                            number,
                            new EntryData(
                                    "K-1", null, new Amount(new BigDecimal("5000"), "EUR"), null, null, List.of()))
                    .id();
        });
        LedgerApi.load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-06-30",
                LedgerApi.item("K-INV-1", "K-1", "Invoice", "2026-01-01", "2026-02-01", "1000.00", "2026-01-30"),
                LedgerApi.item("K-INV-2", "K-1", "Invoice", "2026-06-01", "2026-07-01", "2000.00", null));

        page.setViewportSize(390, 844);
        signIn(tenant.admin().email(), TestData.PASSWORD);
        page.navigate("/settings");
        page.locator("#settings-scorecard").click();
        assertThat(page.locator("#ranges0").inputValue()).contains("90.. = 100");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
        for (int i = 1; i < 10; i++) {
            page.locator("#variable" + i).selectOption("");
        }
        page.locator("#weight0").fill("100");
        page.locator("#ranges0").fill("..90 = 20\n90.. = hundred");
        page.locator("#scorecard-save").click();
        assertThat(page.locator(".alert-danger").textContent())
                .contains("Paid on time (%), range 2: \"90.. = hundred\" is not written from..to = points.");
        assertThat(page.locator("#ranges0").inputValue()).contains("90.. = hundred");
        page.locator("#ranges0").fill("..90 = 20\n90.. = 100");
        page.locator("#scorecard-save").click();
        assertThat(page.locator(".alert-success").textContent()).contains("Scorecard saved");
        context.clearCookies();

        signIn(manager.email(), TestData.PASSWORD);
        page.navigate("/companies/BE/" + number);
        page.locator(".accept-advice").waitFor();
        assertThat(page.locator(".score-value").textContent()).isEqualTo("100/100");
        assertThat(page.locator(".advice-reason").textContent())
                .isEqualTo("Grade A: the bureau's limit, the lowest of the sources.");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
        page.locator(".accept-advice").click();
        assertThat(page.locator(".alert-success").textContent()).contains("advised limit is now");
        Wait.until(
                "the entry holds the advised limit",
                () -> new BigDecimal("25000")
                                .compareTo(jdbc.queryForObject(
                                        "select credit_limit from watchlist_entry where id = ?",
                                        BigDecimal.class,
                                        entryId))
                        == 0);
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
