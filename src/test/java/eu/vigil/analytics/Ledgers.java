package eu.vigil.analytics;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.support.RegistryRows;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Companies with a light and a risk class, watch entries on them, and ledgers posted as an ERP would. */
final class Ledgers {

    private static final AtomicLong NEXT = new AtomicLong(7_810_000);

    private Ledgers() {}

    /** A fresh company in the registry, with a bureau risk class (null: none). */
    static String company(JdbcTemplate jdbc, String name, Integer riskClass) {
        long first8 = NEXT.incrementAndGet();
        String number = "%08d%02d".formatted(first8, 97 - first8 % 97);
        long id = RegistryRows.company(jdbc, "BE", number, name, "Gent");
        if (riskClass != null) {
            jdbc.update("""
                    insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                    values (?, 'scores', ?::json, 0, 'bureau', 'test extract', current_date, 0)""", id, "{\"riskClass\":" + riskClass + "}");
        }
        return number;
    }

    /** Colours a watched company's light, as its signals would have (after the entries and loads: both have it recomputed). */
    static void light(JdbcTemplate jdbc, String number, String light) {
        jdbc.update("""
                insert into company_light (company_id, light, code, effective_date)
                select id, ?, 'TEST', current_date from company where country = 'BE' and number = ?
                on conflict (company_id) do update set light = excluded.light""", light, number);
    }

    static void watch(WatchlistManagement watchlists, TestTenant tenant, UUID list, String number, String reference) {
        TenantContext.runAs(
                tenant.id(),
                () -> watchlists.add(list, number, new EntryData(reference, null, null, null, null, List.of())));
    }

    static UUID watchlist(WatchlistManagement watchlists, TestTenant tenant, String name) {
        return TenantContext.callAs(tenant.id(), () -> watchlists.create(name).id());
    }

    /** An open invoice of a customer, due {@code overdueDays} before {@code asOf} (negative: not yet due). */
    static String invoice(String document, String customer, LocalDate asOf, int overdueDays, String amount) {
        LocalDate due = asOf.minusDays(overdueDays);
        return "{\"documentNumber\":\"%s\",\"customer\":\"%s\",\"documentDate\":\"%s\",\"dueDate\":\"%s\",\"amount\":\"%s\"}"
                .formatted(document, customer, due.minusDays(30), due, amount);
    }

    /** Loads a snapshot, and waits until the lights have heard of the signals it fired (they recompute them). */
    static void load(MockMvc mvc, JdbcTemplate jdbc, TestTenant tenant, LocalDate asOf, String... items)
            throws Exception {
        java.sql.Timestamp started = jdbc.queryForObject("select now()", java.sql.Timestamp.class);
        String body = "{\"mode\":\"SNAPSHOT\",\"asOf\":\"" + asOf + "\",\"currency\":\"EUR\",\"items\":["
                + String.join(",", items) + "]}";
        int status = mvc.perform(post("/api/v1/receivables/items")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn()
                .getResponse()
                .getStatus();
        if (status >= 300) {
            throw new IllegalStateException("the ledger load answered " + status);
        }
        Wait.until("the lights heard of the load's signals", () -> jdbc.queryForObject("""
                                select count(*) from event_publication where listener_id = 'watchlist.refresh-lights'
                                and completion_date is null and publication_date >= ?""", Long.class, started) == 0);
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(TestTenant tenant) {
        return user(tenant.admin().principal());
    }
}
