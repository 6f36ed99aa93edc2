package eu.vigil.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Open-items exports in the shapes ERPs write them (SAP FBL5N in German with a title above the header, Windows-1252,
 * 1.234,56- amounts; Exact Online with amount and open amount; Odoo journal items with debit, credit and amount due;
 * Sage's French échéancier with débit and crédit): each column is recognised, each row read or rejected with its row
 * and field, and the load gives the customer's outstanding. A credit manager does it in the browser, in French.
 */
@VigilTest
class ErpExportsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    ReceivableUploads uploads;

    @Autowired
    ReceivablesQueries queries;

    @Test
    void sapFbl5nInGermanWithATitleAboveItsHeader() throws Exception {
        TestTenant tenant = tenantWatching("C-100");
        UploadPreview preview = preview(tenant, "sap-fbl5n.csv");
        assertThat(preview.headerRow()).isEqualTo(3);
        assertThat(preview.mapping())
                .containsEntry(LedgerColumn.CUSTOMER, 0)
                .containsEntry(LedgerColumn.DOCUMENT_NUMBER, 2)
                .containsEntry(LedgerColumn.TYPE, 3)
                .containsEntry(LedgerColumn.DOCUMENT_DATE, 4)
                .containsEntry(LedgerColumn.DUE_DATE, 5)
                .containsEntry(LedgerColumn.AMOUNT, 6)
                .containsEntry(LedgerColumn.CURRENCY, 7)
                .containsEntry(LedgerColumn.PAID_DATE, 8)
                .doesNotContainKey(LedgerColumn.COMPANY_NUMBER);
        assertThat(preview.rows()).allMatch(r -> r.item() != null);
        assertThat(preview.rows().get(2).item().type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(preview.rows().get(2).item().amount()).isEqualByComparingTo("-234.56");

        LoadReport report = load(tenant, preview);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(outstanding(tenant, "C-100")).isEqualTo("5000.00");
    }

    @Test
    void exactOnlineTakesTheOpenAmountRatherThanTheInvoicedOne() throws Exception {
        TestTenant tenant = tenantWatching("C-100");
        UploadPreview preview = preview(tenant, "exact-online.csv");
        assertThat(preview.mapping())
                .containsEntry(LedgerColumn.CUSTOMER, 0)
                .containsEntry(LedgerColumn.DOCUMENT_NUMBER, 2)
                .containsEntry(LedgerColumn.DOCUMENT_DATE, 4)
                .containsEntry(LedgerColumn.DUE_DATE, 5)
                .containsEntry(LedgerColumn.AMOUNT, 7)
                .containsEntry(LedgerColumn.CURRENCY, 8);
        LoadReport report = load(tenant, preview);
        assertThat(report.unknownCustomers()).isEqualTo(1);
        assertThat(outstanding(tenant, "C-100")).isEqualTo("3500.00");
        assertThat(TenantContext.callAs(tenant.id(), () -> queries.unknownCustomerItems(10)))
                .extracting(OpenItem::documentNo)
                .containsExactly("26700053");
    }

    @Test
    void odooJournalItemsWithAForeignCurrencyAndNoRateLeaveItOutOfTheTotals() throws Exception {
        TestTenant tenant = tenantWatching("C-100");
        UploadPreview preview = preview(tenant, "odoo-journal-items.csv");
        assertThat(preview.mapping())
                .containsEntry(LedgerColumn.DOCUMENT_DATE, 0)
                .containsEntry(LedgerColumn.DOCUMENT_NUMBER, 1)
                .containsEntry(LedgerColumn.CUSTOMER, 2)
                .containsEntry(LedgerColumn.COMPANY_NUMBER, 3)
                .containsEntry(LedgerColumn.DUE_DATE, 4)
                .containsEntry(LedgerColumn.DEBIT, 5)
                .containsEntry(LedgerColumn.CREDIT, 6)
                .containsEntry(LedgerColumn.AMOUNT, 7)
                .containsEntry(LedgerColumn.CURRENCY, 8);
        load(tenant, preview);
        CustomerFigures figures = TenantContext.callAs(tenant.id(), () -> queries.customer("C-100"))
                .orElseThrow();
        assertThat(figures.outstanding()).isEqualByComparingTo("15.44");
        assertThat(figures.missingRates()).containsExactly("USD");
    }

    @Test
    void sageInFrenchWithDebitAndCreditNamesTheRowItCannotRead() throws Exception {
        TestTenant tenant = tenantWatching("CL100");
        UploadPreview preview = preview(tenant, "sage-echeancier.csv");
        assertThat(preview.mapping())
                .containsEntry(LedgerColumn.CUSTOMER, 0)
                .containsEntry(LedgerColumn.DOCUMENT_NUMBER, 2)
                .containsEntry(LedgerColumn.TYPE, 3)
                .containsEntry(LedgerColumn.DOCUMENT_DATE, 4)
                .containsEntry(LedgerColumn.DUE_DATE, 5)
                .containsEntry(LedgerColumn.DEBIT, 6)
                .containsEntry(LedgerColumn.CREDIT, 7)
                .containsEntry(LedgerColumn.CURRENCY, 8);
        UploadPreview.Row bad = preview.rows().get(2);
        assertThat(bad.number()).isEqualTo(4);
        assertThat(bad.problems())
                .containsExactly(
                        new LoadReport.LineProblem(4, "documentDate", "31/06/2026", "receivables.line.date.invalid"));
        LoadReport report = load(tenant, preview);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(outstanding(tenant, "CL100")).isEqualTo("2200.00");
    }

    @Test
    void anXlsxWithDateCellsAndNumberCellsReadsAsItsCsvWould() throws Exception {
        TestTenant tenant = tenantWatching("C-100");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Test", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Open items");
        List<String> header = List.of("Customer", "Invoice number", "Invoice date", "Due date", "Open amount");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "C-100");
        sheet.value(1, 1, 5001);
        sheet.value(1, 2, LocalDate.of(2026, 5, 2));
        sheet.style(1, 2).format("dd/mm/yyyy").set();
        sheet.value(1, 3, LocalDate.of(2026, 6, 1));
        sheet.style(1, 3).format("dd/mm/yyyy").set();
        sheet.value(1, 4, new java.math.BigDecimal("1234.5"));
        sheet.value(2, 0, "C-100");
        sheet.value(2, 1, 5002);
        sheet.value(2, 2, LocalDate.of(2026, 6, 20));
        sheet.value(2, 3, LocalDate.of(2026, 7, 20));
        sheet.value(2, 4, -34.5);
        workbook.finish();
        UploadPreview preview = TenantContext.callAs(tenant.id(), () -> {
            UUID id = uploads.keep("open-items.xlsx", out.toByteArray(), "test");
            return uploads.preview(id, null);
        });
        assertThat(preview.headerRow()).isEqualTo(1);
        assertThat(preview.rows()).allMatch(r -> r.item() != null);
        UploadPreview.Item first = preview.rows().getFirst().item();
        assertThat(first.documentNo()).isEqualTo("5001");
        assertThat(first.documentDate()).isEqualTo(LocalDate.of(2026, 5, 2));
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(first.amount()).isEqualByComparingTo("1234.50");
        load(tenant, preview);
        assertThat(outstanding(tenant, "C-100")).isEqualTo("1200.00");
    }

    @Test
    void aFrenchCreditManagerLoadsTheSapExportInTheBrowserAndReadsTheFiguresInFrench() throws Exception {
        TestTenant tenant = tenantWatching("C-100");
        TestUser manager = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        MvcResult uploaded = mvc.perform(multipart("/receivables/upload")
                        .file(new MockMultipartFile("file", "FBL5N.csv", "text/csv", fixture("sap-fbl5n.csv")))
                        .with(user(manager.principal()))
                        .with(csrf()))
                .andReturn();
        String location = uploaded.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/receivables/uploads/");
        String page =
                page(mvc.perform(get(location).with(user(manager.principal()))).andReturn());
        assertThat(page).contains("Les noms de colonnes sont sur la ligne 3").contains("1800000102");

        String report = page(mvc.perform(post(location + "/load")
                        .param("col-CUSTOMER", "0")
                        .param("col-DOCUMENT_NUMBER", "2")
                        .param("col-TYPE", "3")
                        .param("col-DOCUMENT_DATE", "4")
                        .param("col-DUE_DATE", "5")
                        .param("col-AMOUNT", "6")
                        .param("col-CURRENCY", "7")
                        .param("col-PAID_DATE", "8")
                        .param("mode", "SNAPSHOT")
                        .param("asOf", "2026-06-30")
                        .with(user(manager.principal()))
                        .with(csrf()))
                .andReturn());
        assertThat(report).contains("4 lignes lues : 4 nouvelles");

        String list = page(
                mvc.perform(get("/receivables").with(user(manager.principal()))).andReturn());
        assertThat(list).contains("5 000,00 €").contains("C-100").contains("Échu 1 à 30 jours");

        // the file is gone once loaded; another tenant's person cannot reach an upload by its id
        TestTenant other = data.tenant("Other ledger");
        TestUser stranger = data.member(other, Role.CREDIT_MANAGER, Language.EN);
        UUID otherUpload =
                TenantContext.callAs(other.id(), () -> uploads.keep("x.csv", fixture("exact-online.csv"), "test"));
        assertThat(mvc.perform(get("/receivables/uploads/" + otherUpload).with(user(manager.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get(location).with(user(manager.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(mvc.perform(get("/receivables").with(user(stranger.principal())))
                        .andReturn()))
                .doesNotContain("C-100");
    }

    @Test
    void aTitleLineAboveTheHeaderAndDecimalCommasDoNotHideTheSemicolons() throws Exception {
        TestTenant tenant = tenantWatching("CL100");
        UploadPreview preview = preview(tenant, "sage-balance-agee.csv");
        assertThat(preview.headerRow()).isEqualTo(3);
        assertThat(preview.mapping())
                .containsEntry(LedgerColumn.CUSTOMER, 0)
                .containsEntry(LedgerColumn.DEBIT, 6)
                .containsEntry(LedgerColumn.CREDIT, 7);
        load(tenant, preview);
        assertThat(outstanding(tenant, "CL100")).isEqualTo("3434.56");
    }

    @Test
    void thePreviewPageNamesTheFieldTheValueAndTheReasonOfARowItCannotRead() throws Exception {
        TestTenant tenant = tenantWatching("CL100");
        TestUser manager = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        String location = mvc.perform(multipart("/receivables/upload")
                        .file(new MockMultipartFile(
                                "file", "echeancier.csv", "text/csv", fixture("sage-echeancier.csv")))
                        .with(user(manager.principal()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        MvcResult preview =
                mvc.perform(get(location).with(user(manager.principal()))).andReturn();

        assertThat(preview.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(preview))
                .contains("Date de pièce “31/06/2026”: pas une date (écrivez 31/03/2026, 31.03.2026 ou 2026-03-31)");
    }

    private TestTenant tenantWatching(String reference) {
        TestTenant tenant = data.tenant("ERP export");
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(list, LedgerApi.number(), new EntryData(reference, null, null, null, null, List.of()));
        });
        return tenant;
    }

    private UploadPreview preview(TestTenant tenant, String fixture) throws Exception {
        byte[] content = fixture(fixture);
        return TenantContext.callAs(tenant.id(), () -> {
            UUID id = uploads.keep(fixture, content, "test");
            return uploads.preview(id, null);
        });
    }

    private LoadReport load(TestTenant tenant, UploadPreview preview) {
        return TenantContext.callAs(
                tenant.id(),
                () -> uploads.load(
                        preview.id(),
                        Map.copyOf(preview.mapping()),
                        LoadMode.SNAPSHOT,
                        LocalDate.of(2026, 6, 30),
                        "test"));
    }

    private String outstanding(TestTenant tenant, String customer) {
        return TenantContext.callAs(tenant.id(), () -> queries.customer(customer))
                .orElseThrow()
                .outstanding()
                .toPlainString();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ErpExportsTests.class.getResourceAsStream("/receivables/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace('\u202F', ' ')
                .replace('\u00A0', ' ');
    }
}
