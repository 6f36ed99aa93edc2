package eu.vigil.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.RegistryRows;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A credit manager on a phone reads the receivables the ERP pushed (one invoice in dollars, converted at the rate the
 * ERP sent), the items of a customer Vigil cannot match, and the company page's section; then, at a desk, loads an
 * Exact Online export through the preview.
 */
class ReceivablesBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void atPhoneWidthTheReceivablesAndTheCompanySectionReadWithoutScrollingSideways() throws Exception {
        TestTenant tenant = data.tenant("Phone ledger");
        TestUser manager = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String number = LedgerApi.number();
        RegistryRows.company(jdbc, "BE", number, "Telefoon Proef NV", "Leuven");
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(
                    list,
                    number,
                    new EntryData("P-1", null, new Amount(new BigDecimal("10000"), "EUR"), null, null, List.of()));
        });
        mvc.perform(post("/api/v1/receivables/items")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"mode": "SNAPSHOT", "asOf": "2026-06-30", "currency": "EUR", "rates": {"USD": 0.9},
                         "items": [
                          {"documentNumber": "P-INV-1", "customer": "P-1", "documentDate": "01/04/2026",
                           "dueDate": "01/05/2026", "amount": "1,000.00", "currency": "USD"},
                          {"documentNumber": "P-INV-2", "customer": "P-1", "documentDate": "15/06/2026",
                           "dueDate": "15/07/2026", "amount": 2000},
                          {"documentNumber": "X-INV-1", "customer": "X-9", "documentDate": "15/06/2026",
                           "amount": 50}]}"""));

        page.setViewportSize(390, 844);
        signIn(manager.email(), TestData.PASSWORD);
        page.navigate("/receivables");
        assertThat(page.locator("#total-outstanding").textContent()).isEqualTo("€2,950.00");
        assertThat(page.locator("#receivables-rates").textContent()).contains("1 USD = 0.9 EUR");
        assertThat(page.locator("#receivables-customers tr[data-customer='P-1']")
                        .textContent())
                .contains("€2,900.00")
                .contains("€900.00")
                .contains("29%");
        assertThat(page.locator("#receivables-to-fix").textContent())
                .contains("X-9")
                .contains("X-INV-1");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);

        page.navigate("/companies/BE/" + number);
        assertThat(page.locator("#receivables-section .company-outstanding").textContent())
                .isEqualTo("€2,900.00");
        assertThat(page.locator("#receivables-company-items").textContent()).contains("P-INV-1");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
    }

    @Test
    void anExactOnlineExportIsPreviewedThenLoaded() {
        TestTenant tenant = data.tenant("Desk ledger");
        TestUser manager = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(list, LedgerApi.number(), new EntryData("C-100", null, null, null, null, List.of()));
        });
        signIn(manager.email(), TestData.PASSWORD);
        page.navigate("/receivables");
        page.locator("#receivables-upload").click();
        page.locator("#ledger-file").setInputFiles(Path.of("src/test/resources/receivables/exact-online.csv"));
        page.locator("#ledger-preview").click();
        assertThat(page.locator("#ledger-preview-table tbody tr[data-outcome='accepted']")
                        .count())
                .isEqualTo(3);
        assertThat(page.locator("#col-AMOUNT option[selected]").textContent()).isEqualTo("Openstaand");
        page.locator("#ledger-as-of").fill("2026-06-30");
        page.locator("#ledger-load").click();
        assertThat(page.locator("#ledger-report").textContent()).startsWith("3 lines read: 3 new");
        page.locator("main a.btn-primary").click();
        assertThat(page.locator("#total-outstanding").textContent()).isEqualTo("€3,599.00");
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
