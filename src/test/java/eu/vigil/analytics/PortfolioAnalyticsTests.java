package eu.vigil.analytics;

import static eu.vigil.analytics.Ledgers.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.vigil.analytics.internal.LedgerAnalytics;
import eu.vigil.analytics.internal.LedgerAnalytics.Filter;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tenant's ledger of four customers: a red company in risk class 4 with money 70 days overdue, a green one in class 2
 * 10 days overdue, an amber unscored one 120 days overdue (on another watchlist), and a customer on no watchlist. Two
 * months ago a first load held one invoice. Another tenant watches the red company and owes it a fortune: it never
 * counts.
 */
@VigilTest
class PortfolioAnalyticsTests {

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    LedgerAnalytics analytics;

    TestTenant tenant;
    TestTenant other;
    UUID keyAccounts;
    UUID others;
    LocalDate today = LocalDate.now();
    LocalDate twoMonthsAgo = today.withDayOfMonth(1).minusMonths(1).minusDays(1);

    @BeforeEach
    void aKnownLedger() throws Exception {
        tenant = data.tenant("Analytics ledger");
        other = data.tenant("Analytics other");
        String red = Ledgers.company(jdbc, "Rood Risico NV", 4);
        String green = Ledgers.company(jdbc, "Groen Goed NV", 2);
        String amber = Ledgers.company(jdbc, "Oranje Traag NV", null);
        keyAccounts = Ledgers.watchlist(watchlists, tenant, "Key accounts");
        others = Ledgers.watchlist(watchlists, tenant, "Others");
        Ledgers.watch(watchlists, tenant, keyAccounts, red, "K-RED");
        Ledgers.watch(watchlists, tenant, keyAccounts, green, "K-GREEN");
        Ledgers.watch(watchlists, tenant, others, amber, "O-AMBER");
        UUID theirs = Ledgers.watchlist(watchlists, other, "Theirs");
        Ledgers.watch(watchlists, other, theirs, red, "T-RED");

        Ledgers.load(mvc, jdbc, tenant, twoMonthsAgo, invoice("A-0", "K-GREEN", twoMonthsAgo, -20, "400"));
        Ledgers.load(
                mvc,
                jdbc,
                tenant,
                today,
                invoice("A-1", "K-RED", today, 70, "1000"),
                invoice("A-2", "K-RED", today, -10, "500"),
                invoice("A-3", "K-GREEN", today, 10, "2000"),
                invoice("A-4", "O-AMBER", today, 120, "300"),
                invoice("A-5", "X-NOWHERE", today, -5, "50"));
        Ledgers.load(mvc, jdbc, other, today, invoice("T-1", "T-RED", today, 75, "99999"));
        Ledgers.light(jdbc, red, "red");
        Ledgers.light(jdbc, amber, "amber");
    }

    @Test
    void exposureIsCutByLightRiskClassAndAgeFromTheTenantsLedgerAlone() {
        LedgerAnalytics.Breakdown b = TenantContext.callAs(tenant.id(), () -> analytics.breakdown(Filter.all(null)));

        assertThat(b.total().customers()).isEqualTo(4);
        assertThat(b.total().outstanding()).isEqualByComparingTo("3850");
        assertThat(b.byLight().get("red").outstanding()).isEqualByComparingTo("1500");
        assertThat(b.byLight().get("amber").outstanding()).isEqualByComparingTo("300");
        assertThat(b.byLight().get("green").outstanding()).isEqualByComparingTo("2000");
        assertThat(b.byLight().get("pending").outstanding()).isEqualByComparingTo("0");
        assertThat(b.byLight().get("unlinked").outstanding()).isEqualByComparingTo("50");
        assertThat(b.byRiskClass().get("4").outstanding()).isEqualByComparingTo("1500");
        assertThat(b.byRiskClass().get("2").outstanding()).isEqualByComparingTo("2000");
        assertThat(b.byRiskClass().get("none").outstanding()).isEqualByComparingTo("350");
        assertThat(b.total().bucket("not_due")).isEqualByComparingTo("550");
        assertThat(b.total().bucket("1_30")).isEqualByComparingTo("2000");
        assertThat(b.total().bucket("31_60")).isEqualByComparingTo("0");
        assertThat(b.total().bucket("61_90")).isEqualByComparingTo("1000");
        assertThat(b.total().bucket("over_90")).isEqualByComparingTo("300");
        // the matrix: risk class by overdue bucket
        assertThat(b.byRiskClass().get("4").bucket("61_90")).isEqualByComparingTo("1000");
        assertThat(b.byRiskClass().get("2").bucket("1_30")).isEqualByComparingTo("2000");
        assertThat(b.byRiskClass().get("none").bucket("over_90")).isEqualByComparingTo("300");
        assertThat(b.byRiskClass().get("4").bucket("1_30")).isEqualByComparingTo("0");

        LedgerAnalytics.Breakdown theirs =
                TenantContext.callAs(other.id(), () -> analytics.breakdown(Filter.all(null)));
        assertThat(theirs.total().outstanding()).isEqualByComparingTo("99999");
        assertThat(theirs.byRiskClass().get("4").bucket("61_90")).isEqualByComparingTo("99999");
    }

    @Test
    void aWatchlistKeepsItsOwnCustomersAndTheBiggestAtRiskAreRedAmberOrLongOverdue() {
        LedgerAnalytics.Breakdown key =
                TenantContext.callAs(tenant.id(), () -> analytics.breakdown(Filter.all(keyAccounts)));
        assertThat(key.total().outstanding()).isEqualByComparingTo("3500");
        assertThat(key.byLight().get("amber").customers()).isZero();

        List<LedgerAnalytics.Customer> atRisk =
                TenantContext.callAs(tenant.id(), () -> analytics.biggestAtRisk(null, 10));
        assertThat(atRisk).extracting(LedgerAnalytics.Customer::customerKey).containsExactly("K-RED", "O-AMBER");
        assertThat(atRisk.getFirst().overdueOver60()).isEqualByComparingTo("1000");

        LedgerAnalytics.CustomerPage cell = TenantContext.callAs(
                tenant.id(), () -> analytics.customers(new Filter(null, null, "4", "61_90", false), 500));
        assertThat(cell.customers())
                .extracting(LedgerAnalytics.Customer::customerKey)
                .containsExactly("K-RED");
    }

    @Test
    void theTrendReadsEachMonthEndAsTheLastLoadBeforeItLeftTheLedger() {
        List<LedgerAnalytics.Month> trend = TenantContext.callAs(tenant.id(), () -> analytics.trend(null, today));
        assertThat(trend).hasSize(12);
        assertThat(trend.getLast().end()).isEqualTo(today);
        assertThat(trend.getLast().outstanding()).isEqualByComparingTo("3850");
        assertThat(trend.getLast().overdue()).isEqualByComparingTo("3300");
        LedgerAnalytics.Month then = trend.get(trend.size() - 3);
        assertThat(then.end()).isEqualTo(twoMonthsAgo);
        assertThat(then.outstanding()).isEqualByComparingTo("400");
        assertThat(then.overdue()).isEqualByComparingTo("0");
        assertThat(trend.get(trend.size() - 2).outstanding()).isEqualByComparingTo("400");
        assertThat(trend.get(trend.size() - 4).outstanding())
                .as("before the first load")
                .isNull();
    }

    @Test
    void anotherTenantsWatchlistAnswersAsAMissingOneAndItsLedgerNeverShows() throws Exception {
        UUID theirs = TenantContext.callAs(
                other.id(), () -> watchlists.watchlists().getFirst().id());
        int foreign = mvc.perform(
                        get("/analytics").param("watchlist", theirs.toString()).with(Ledgers.as(tenant)))
                .andReturn()
                .getResponse()
                .getStatus();
        int missing = mvc.perform(get("/analytics")
                        .param("watchlist", UUID.randomUUID().toString())
                        .with(Ledgers.as(tenant)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(foreign).isEqualTo(missing).isEqualTo(404);
        assertThat(mvc.perform(get("/analytics/export.xlsx")
                                .param("watchlist", theirs.toString())
                                .with(Ledgers.as(tenant)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        String page = mvc.perform(get("/analytics").with(Ledgers.as(tenant)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("K-RED")
                .doesNotContain("T-RED")
                .doesNotContain("99,999")
                .doesNotContain("99.999");
        String list = mvc.perform(
                        get("/analytics/customers").param("light", "red").with(Ledgers.as(tenant)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("K-RED").doesNotContain("T-RED");
    }

    @Test
    void theXlsxExportHasNumberCellsForAmountsAndDateCellsForMonths() throws Exception {
        byte[] xlsx = mvc.perform(get("/analytics/export.xlsx").with(Ledgers.as(tenant)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets)
                    .extracting(Sheet::getName)
                    .containsExactly(
                            "By light", "By risk class", "By age", "Risk class x age", "Biggest at risk", "12 months");

            List<Row> lights = sheets.get(0).read();
            assertThat(lights.get(1).getCellText(0)).isEqualTo("Red");
            Cell redCount = lights.get(1).getCell(1);
            assertThat(redCount.getType()).isEqualTo(CellType.NUMBER);
            assertThat(redCount.asNumber()).isEqualByComparingTo("1");
            Cell redAmount = lights.get(1).getCell(2);
            assertThat(redAmount.getType()).isEqualTo(CellType.NUMBER);
            assertThat(redAmount.asNumber()).isEqualByComparingTo("1500");
            assertThat(redAmount.getDataFormatString()).contains("EUR");

            List<Row> matrix = sheets.get(3).read();
            Row classFour = matrix.stream()
                    .filter(r -> "Class 4".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(classFour.getCell(3).getType()).isEqualTo(CellType.NUMBER);
            assertThat(classFour.getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("1000"));

            List<Row> atRisk = sheets.get(4).read();
            assertThat(atRisk.get(1).getCellText(0)).isEqualTo("K-RED");
            assertThat(atRisk.get(1).getCellText(1)).isEqualTo("Rood Risico NV");

            List<Row> months = sheets.get(5).read();
            Row last = months.get(12);
            assertThat(last.getCellAsDate(0)).hasValue(today.atStartOfDay());
            assertThat(last.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(last.getCell(1).asNumber()).isEqualByComparingTo("3850");
        }
    }
}
