package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/** What happens to a list after its upload: pending numbers get matched, and exports are safe to open. */
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

    @Test
    void aPendingNumberIsMatchedOnceAFeedBringsTheCompany() throws Exception {
        TestTenant tenant = data.tenant("Pending Lists");
        String number = MessyUpload.freshNumber(jdbc);
        UUID list = TenantContext.callAs(tenant.id(), () -> watchlists.create("Prospects").id());
        String answer = mvc.perform(post("/api/v1/watchlists/{id}/entries", list).header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                .contentType(MediaType.APPLICATION_JSON).content("[\"" + number + "\"]")).andReturn().getResponse().getContentAsString();
        assertThat(WatchlistApiTests.rows(json.readTree(answer), "pending")).containsExactly(1);

        MessyUpload.company(jdbc, number, "Net Aangekomen BV");
        maintenance.runOnce();

        EntryView entry = TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, EntryFilter.none(), 1, 10)).entries().getFirst();
        assertThat(entry.pending()).isFalse();
        assertThat(entry.name()).isEqualTo("Net Aangekomen BV");
        assertThat(entry.light()).isEqualTo("green");
        assertThat(TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, alerts(true), 1, 10)).total()).isZero();

        jdbc.update("""
                insert into signal_event (company_id, code, category, polarity, severity, new_value, effective_date, source, extract, run_id)
                values (?, 'PROTEST_REGISTERED', 'legal', 'negative', 'high', '1', current_date - 3, 'bureau', 'test', 0)""", entry.companyId());
        maintenance.runOnce();

        EntryView alerted = TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, alerts(true), 1, 10)).entries().getFirst();
        assertThat(alerted.hasAlerts()).isTrue();
        assertThat(alerted.light()).as("a recent high-severity negative event").isEqualTo("amber");
        assertThat(alerted.lightCode()).isEqualTo("PROTEST_REGISTERED");
        assertThat(TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, alerts(false), 1, 10)).total()).isZero();
    }

    private static EntryFilter alerts(boolean with) {
        return new EntryFilter(null, null, null, null, with, null, "added", true);
    }

    @Test
    void exportsNeutraliseCellsASpreadsheetWouldRun() throws Exception {
        TestTenant tenant = data.tenant("Export Lists");
        String number = MessyUpload.freshNumber(jdbc);
        UUID list = TenantContext.callAs(tenant.id(), () -> watchlists.create("Exported").id());
        mvc.perform(post("/api/v1/watchlists/{id}/entries", list).header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"number\": \"" + number + "\", \"reference\": \"=HYPERLINK(\\\"http://evil\\\")\", \"tags\": [\"@risk\", \"+vip\"]}]"));

        String csv = mvc.perform(get("/watchlists/{id}/export.csv", list).with(user(tenant.admin().principal())))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK").contains("'@risk, +vip");

        byte[] xlsx = mvc.perform(get("/watchlists/{id}/export.xlsx", list).with(user(tenant.admin().principal())))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(1)).isEqualTo(MessyUpload.dotted(number));
            assertThat(rows.get(1).getCellText(2)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        }
    }
}
