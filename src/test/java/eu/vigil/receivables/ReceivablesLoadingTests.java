package eu.vigil.receivables;

import static eu.vigil.receivables.LedgerApi.item;
import static eu.vigil.receivables.LedgerApi.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.vigil.support.RegistryRows;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An ERP pushes its open items through the API: a snapshot, the same snapshot again, a delta, then a snapshot that no
 * longer carries a settled invoice. The figures follow each load; an unknown customer's items wait to be fixed; a bad
 * line is named by row and field and the rest is kept; another tenant sees none of it.
 */
@VigilTest
class ReceivablesLoadingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    ReceivablesQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void snapshotsAndDeltasKeepTheLedgerAndItsFiguresTrue() throws Exception {
        TestTenant tenant = data.tenant("Ledger");
        String number = LedgerApi.number();
        long companyId = RegistryRows.company(jdbc, "BE", number, "Grootboek Proef NV", "Gent");
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(
                    list,
                    number,
                    new EntryData("C-100", null, new Amount(new BigDecimal("10000.00"), "EUR"), null, null, List.of()));
        });
        String[] snapshot = {
            item("INV-1", "C-100", "Invoice", "01/05/2026", "31/05/2026", "4.000,00", null),
            item("INV-2", "C-100", "Invoice", "15.06.2026", "15.07.2026", "3,000.00", null),
            item("INV-0", "C-100", "DR", "2026-02-01", "2026-03-03", "1000", "2026-03-20"),
            item("CN-1", "C-100", "Avoir", "20/06/2026", "20/07/2026", "500,00", null),
            item("INV-9", "C-999", "Invoice", "01/06/2026", "01/07/2026", "250", null),
            item("INV-BAD", "C-100", "Invoice", "01/06/2026", "31/06/2026", "100", null)
        };

        String first = body(load(mvc, tenant, "SNAPSHOT", "2026-06-30", snapshot));
        assertThat(first)
                .contains("\"received\":6")
                .contains("\"inserted\":5")
                .contains("\"rejected\":1")
                .contains("\"row\":6,\"field\":\"dueDate\",\"value\":\"31/06/2026\"")
                .contains("not a date")
                .contains("\"unknownCustomers\":1");
        CustomerFigures figures = TenantContext.callAs(tenant.id(), () -> queries.customer("C-100"))
                .orElseThrow();
        assertThat(figures.companyId()).isEqualTo(companyId);
        assertThat(figures.outstanding()).isEqualByComparingTo("6500.00");
        assertThat(figures.notDue()).as("INV-2 and the credit note").isEqualByComparingTo("2500.00");
        assertThat(figures.overdue1To30()).as("INV-1, 30 days past due").isEqualByComparingTo("4000.00");
        assertThat(figures.maxDaysOverdue()).isEqualTo(30);
        assertThat(figures.largestOverdueNo()).isEqualTo("INV-1");
        assertThat(figures.utilisation()).isEqualByComparingTo("65");
        assertThat(figures.onTimeShare()).as("INV-0 was paid 17 days late").isEqualByComparingTo("0");
        List<OpenItem> toFix = TenantContext.callAs(tenant.id(), () -> queries.unknownCustomerItems(100));
        assertThat(toFix).extracting(OpenItem::documentNo).containsExactly("INV-9");

        String replay = body(load(mvc, tenant, "SNAPSHOT", "2026-06-30", snapshot));
        assertThat(replay)
                .contains("\"inserted\":0")
                .contains("\"updated\":0")
                .contains("\"unchanged\":5")
                .contains("\"closed\":0")
                .contains("\"signals\":0");

        String delta = body(load(
                mvc,
                tenant,
                "DELTA",
                "2026-07-02",
                item("INV-1", "C-100", "Invoice", "01/05/2026", "31/05/2026", "4.000,00", "02/07/2026")));
        assertThat(delta).contains("\"updated\":1").contains("\"closed\":0");
        assertThat(TenantContext.callAs(tenant.id(), () -> queries.customer("C-100"))
                        .orElseThrow()
                        .outstanding())
                .isEqualByComparingTo("2500.00");

        // the ERP's next open-items list no longer carries INV-2: it was settled
        String closing = body(load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-07-20",
                item("CN-1", "C-100", "Avoir", "20/06/2026", "20/07/2026", "500,00", null),
                item("INV-9", "C-999", "Invoice", "01/06/2026", "01/07/2026", "250", null)));
        assertThat(closing).contains("\"closed\":1");
        assertThat(jdbc.queryForObject(
                        "select paid_date::text from receivable_item where tenant_id = ? and document_no = 'INV-2'",
                        String.class,
                        tenant.id()))
                .isEqualTo("2026-07-20");
        assertThat(TenantContext.callAs(tenant.id(), () -> queries.customer("C-100"))
                        .orElseThrow()
                        .outstanding())
                .isEqualByComparingTo("-500.00");
    }

    @Test
    void theWatchlistAndItsExportShowWhatTheLedgerSaysOfEachEntry() throws Exception {
        TestTenant tenant = data.tenant("Ledger list");
        String number = LedgerApi.number();
        RegistryRows.company(jdbc, "BE", number, "Lijst Proef NV", "Hasselt");
        UUID list = TenantContext.callAs(tenant.id(), () -> {
            UUID id = watchlists.create("Customers").id();
            watchlists.add(id, number, new EntryData("L-7", null, null, null, null, List.of()));
            return id;
        });
        load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-06-30",
                item("L-INV-1", "L-7", "Invoice", "01/04/2026", "01/05/2026", "1.250,00", null),
                item("L-INV-2", "L-7", "Invoice", "01/06/2026", "01/07/2026", "750,00", null));

        String page =
                body(mvc.perform(get("/watchlists/{id}", list)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        tenant.admin().principal())))
                        .andReturn());
        assertThat(page).contains("€2,000.00").contains("€1,250.00");
        String csv =
                body(mvc.perform(get("/watchlists/{id}/export.csv", list)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        tenant.admin().principal())))
                        .andReturn());
        // DBT weighs each open invoice's days past due by its amount: (1,250 x 60 + 750 x 0) / 2,000
        assertThat(csv).contains("Outstanding (our ledger)").contains(";2000.00;1250.00;37.5;EUR");
    }

    @Test
    void anotherTenantSeesNoneOfTheLedgerAndItsDocumentNumbersAreItsOwn() throws Exception {
        TestTenant owner = data.tenant("Ledger owner");
        TestTenant other = data.tenant("Ledger stranger");
        load(mvc, owner, "SNAPSHOT", "2026-06-30", item("INV-1", "SECRET-1", null, "01/06/2026", null, "999", null));

        assertThat(body(mvc.perform(get("/api/v1/receivables/customers")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + other.apiKey()))
                        .andReturn()))
                .isEqualTo("[]");
        assertThat(body(mvc.perform(get("/api/v1/receivables/unknown-items")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + other.apiKey()))
                        .andReturn()))
                .isEqualTo("[]");
        // the stranger's snapshot with the same document number, then an empty one, leave the owner's item open
        load(mvc, other, "SNAPSHOT", "2026-06-30", item("INV-1", "MINE", null, "01/06/2026", null, "1", null));
        load(mvc, other, "SNAPSHOT", "2026-07-01");
        assertThat(body(mvc.perform(get("/api/v1/receivables/customers")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.apiKey()))
                        .andReturn()))
                .contains("SECRET-1")
                .contains("\"outstanding\":999.00")
                .doesNotContain("MINE");
    }

    @Test
    void aLoadWithABadModeOrCurrencyIsRefusedAndSaysWhy() throws Exception {
        TestTenant tenant = data.tenant("Ledger refused");
        MvcResult mode = load(mvc, tenant, "EVERYTHING", "2026-06-30");
        assertThat(mode.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(mode)).contains("SNAPSHOT").contains("DELTA");
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
