package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What happens to a list after its upload: a feed run that brings a pending company matches it as soon as the run
 * commits, a run's new signals change the lights at once, an hourly job catches what no run announced, and exports
 * are safe to open.
 */
@VigilTest
class WatchlistMaintenanceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    WatchlistMaintenance maintenance;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    FeedIngestion ingestion;

    /** Listeners run right after the run's commit, on another thread: a few seconds at most even on a busy machine. */
    private static final Duration SOON = Duration.ofSeconds(15);

    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void aKboRunThatBringsAPendingCompanyMatchesItAsSoonAsTheRunCommits() throws Exception {
        TestTenant tenant = data.tenant("Kbo Pending");
        String number = MessyUpload.freshNumber(jdbc);
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Prospects").id());
        assertThat(WatchlistApiTests.rows(addByApi(tenant, list, number), "pending"))
                .containsExactly(1);

        FeedRuns.kbo(ingestion, Map.of(number, "Net Aangekomen BV"));

        EntryView entry =
                await().atMost(SOON).pollInterval(POLL).until(() -> onlyEntry(tenant, list), e -> !e.pending());
        assertThat(entry.name()).isEqualTo("Net Aangekomen BV");
        assertThat(entry.light())
                .as("a company with no signal at all: the run announced no event for it")
                .isEqualTo("green");
        assertThat(TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, alerts(true), 1, 10))
                        .total())
                .isZero();
    }

    @Test
    void aBureauRunThatBringsAPendingCompanyInTroubleMatchesItAndLightsItAmberRightAway() throws Exception {
        TestTenant tenant = data.tenant("Bureau Pending");
        String number = MessyUpload.freshNumber(jdbc);
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Suppliers").id());
        addByApi(tenant, list, number);

        FeedRuns.bureau(ingestion, number, "\"risk_class\":5");

        EntryView entry = await().atMost(SOON)
                .pollInterval(POLL)
                .until(() -> onlyEntry(tenant, list), e -> "amber".equals(e.light()));
        assertThat(entry.pending()).isFalse();
        assertThat(entry.lightCode()).isEqualTo("RISK_CLASS_HIGH");
        assertThat(entry.lightDate()).isEqualTo(LocalDate.now());
    }

    @Test
    void aNewNegativeSignalOnAWatchedCompanyChangesItsLightRightAfterTheRun() throws Exception {
        TestTenant tenant = data.tenant("Signal Lights");
        String number = MessyUpload.freshNumber(jdbc);
        MessyUpload.company(jdbc, number, "Rustig Bedrijf NV");
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Customers").id());
        addByApi(tenant, list, number);
        assertThat(onlyEntry(tenant, list).light()).isEqualTo("green");

        LocalDate protest = LocalDate.now().minusDays(5);
        FeedRuns.bureau(ingestion, number, "\"protests\":[{\"date\":\"" + protest + "\",\"amount\":4200}]");

        EntryView entry = await().atMost(SOON)
                .pollInterval(POLL)
                .until(() -> onlyEntry(tenant, list), e -> "amber".equals(e.light()));
        assertThat(entry.lightCode()).isEqualTo("PROTEST_REGISTERED");
        assertThat(entry.lightDate()).isEqualTo(protest);
        assertThat(entry.hasAlerts()).as("detected after the company was added").isTrue();
    }

    @Test
    void theHourlySafetyNetMatchesAndRelightsWhatNoRunAnnounced() throws Exception {
        TestTenant tenant = data.tenant("Pending Lists");
        String number = MessyUpload.freshNumber(jdbc);
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Prospects").id());
        addByApi(tenant, list, number);

        // written straight into the registry, as by a run whose announcement was lost
        MessyUpload.company(jdbc, number, "Stil Aangekomen BV");
        maintenance.runOnce();

        EntryView entry = onlyEntry(tenant, list);
        assertThat(entry.pending()).isFalse();
        assertThat(entry.name()).isEqualTo("Stil Aangekomen BV");
        assertThat(entry.light()).isEqualTo("green");

        jdbc.update("""
                insert into signal_event (company_id, code, category, polarity, severity, new_value, effective_date, source, extract, run_id)
                values (?, 'PROTEST_REGISTERED', 'legal', 'negative', 'high', '1', current_date - 3, 'bureau', 'test', 0)""", entry.companyId());
        maintenance.runOnce();
        assertThat(onlyEntry(tenant, list).light())
                .as("a light computed less than a day ago is left alone")
                .isEqualTo("green");

        jdbc.update(
                "update company_light set computed_at = now() - interval '25 hours' where company_id = ?",
                entry.companyId());
        maintenance.runOnce();
        EntryView alerted = TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, alerts(true), 1, 10))
                .entries()
                .getFirst();
        assertThat(alerted.light()).as("a recent high-severity negative event").isEqualTo("amber");
        assertThat(alerted.lightCode()).isEqualTo("PROTEST_REGISTERED");
        assertThat(TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, alerts(false), 1, 10))
                        .total())
                .isZero();
    }

    private JsonNode addByApi(TestTenant tenant, UUID list, String number) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/watchlists/{id}/entries", list)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"" + number + "\"]"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private EntryView onlyEntry(TestTenant tenant, UUID list) {
        List<EntryView> entries = TenantContext.callAs(
                        tenant.id(), () -> watchlists.entries(list, EntryFilter.none(), 1, 10))
                .entries();
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private static EntryFilter alerts(boolean with) {
        return new EntryFilter(null, null, null, null, with, null, "added", true);
    }

    @Test
    void exportsNeutraliseCellsASpreadsheetWouldRun() throws Exception {
        TestTenant tenant = data.tenant("Export Lists");
        String number = MessyUpload.freshNumber(jdbc);
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Exported").id());
        mvc.perform(post("/api/v1/watchlists/{id}/entries", list)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"number\": \"" + number
                        + "\", \"reference\": \"=HYPERLINK(\\\"http://evil\\\")\", \"tags\": [\"@risk\", \"+vip\"]}]"));

        String csv = mvc.perform(get("/watchlists/{id}/export.csv", list)
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("'=HYPERLINK")
                .doesNotContain(";=HYPERLINK")
                .doesNotContain(";\"=HYPERLINK")
                .contains("'@risk, +vip");

        byte[] xlsx = mvc.perform(get("/watchlists/{id}/export.xlsx", list)
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(1)).isEqualTo(MessyUpload.dotted(number));
            assertThat(rows.get(1).getCellText(2)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        }
    }

    /**
     * A credit manager exports a list to work on it in a spreadsheet: amounts, the bureau's scores and dates are typed
     * cells with their formats, the light and the signal behind it are columns of their own, the owner is a name.
     */
    @Test
    void anXlsxExportHasTypedCellsTheLightApartFromItsReasonTheOwnerByNameAndTheLatestScores() throws Exception {
        TestTenant tenant = data.tenant("Typed Export");
        TestUser owner = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String number = MessyUpload.freshNumber(jdbc);
        LocalDate protest = LocalDate.now().minusDays(5);
        FeedRuns.bureau(
                ingestion,
                number,
                "\"rating\":\"BB\",\"risk_class\":3,\"pd\":0.0345,\"credit_limit\":15000,"
                        + "\"currency\":\"EUR\",\"protests\":[{\"date\":\"" + protest + "\",\"amount\":4200}]");
        UUID list = TenantContext.callAs(tenant.id(), () -> {
            UUID id = watchlists.create("Typed").id();
            watchlists.add(
                    id,
                    "BE" + number,
                    new EntryData(
                            "C-7",
                            Relationship.CUSTOMER,
                            new Amount(new BigDecimal("20000"), "EUR"),
                            new Amount(new BigDecimal("12500.50"), "GBP"),
                            owner.id(),
                            List.of("key")));
            return id;
        });
        await().atMost(SOON).pollInterval(POLL).until(() -> onlyEntry(tenant, list), e -> "amber".equals(e.light()));

        byte[] xlsx = mvc.perform(get("/watchlists/{id}/export.xlsx", list)
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row header = rows.get(0);
            Row row = rows.get(1);
            Map<String, Integer> at = new java.util.HashMap<>();
            for (int c = 0; c < header.getCellCount(); c++) {
                at.put(header.getCellText(c), c);
            }
            assertThat(at.keySet())
                    .contains(
                            "Status",
                            "Status since",
                            "Light",
                            "Light reason",
                            "Owner",
                            "Rating",
                            "Risk class",
                            "Probability of default",
                            "Bureau credit limit");
            assertThat(row.getCellText(at.get("Status")))
                    .as("a company only a bureau reports on has no status")
                    .isEmpty();
            assertThat(row.getCellText(at.get("Light"))).isEqualTo("amber");
            assertThat(row.getCellText(at.get("Light reason"))).isEqualTo("Protest registered");
            assertThat(row.getCellAsDate(at.get("Light since"))).hasValue(protest.atStartOfDay());
            assertThat(row.getCellText(at.get("Owner"))).isEqualTo("Test CREDIT_MANAGER");
            Cell exposure = row.getCell(at.get("Exposure"));
            assertThat(exposure.getType()).isEqualTo(CellType.NUMBER);
            assertThat(exposure.asNumber()).isEqualByComparingTo("12500.50");
            assertThat(exposure.getDataFormatString()).contains("GBP");
            assertThat(row.getCellText(at.get("Exposure currency"))).isEqualTo("GBP");
            assertThat(row.getCell(at.get("Credit limit")).asNumber()).isEqualByComparingTo("20000");
            assertThat(row.getCellText(at.get("Rating"))).isEqualTo("BB");
            assertThat(row.getCell(at.get("Risk class")).asNumber()).isEqualByComparingTo("3");
            Cell pd = row.getCell(at.get("Probability of default"));
            assertThat(pd.asNumber()).isEqualByComparingTo("0.0345");
            assertThat(pd.getDataFormatString()).isEqualTo("0.00%");
            assertThat(row.getCell(at.get("Bureau credit limit")).asNumber()).isEqualByComparingTo("15000");
            assertThat(row.getCellAsDate(at.get("Added on"))).isPresent();
        }
        String csv = mvc.perform(get("/watchlists/{id}/export.csv", list)
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv)
                .contains(
                        ";12500.50;GBP;Test CREDIT_MANAGER;key;amber;Protest registered;" + protest + ";BB;3;0.0345;");
    }
}
