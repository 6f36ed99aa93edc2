package eu.vigil.receivables;

import static eu.vigil.receivables.LedgerApi.item;
import static eu.vigil.receivables.LedgerApi.load;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import eu.vigil.shared.Language;
import eu.vigil.signal.SignalQueries;
import eu.vigil.support.MailBox;
import eu.vigil.support.RegistryRows;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The receivables signals go the way of every other signal: a load that takes a customer past 90 % of its credit limit
 * records EXPOSURE_NEAR_LIMIT once, and the tenant's default risk rule emails its credit manager through the outbox. A
 * tenant watching the same company without that ledger hears nothing, and the shared traffic light ignores it.
 */
@VigilTest
class ReceivablesSignalsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    SignalQueries signalQueries;

    @Autowired
    CapturedMail mail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void crossingNinetyPercentOfTheLimitEmailsTheCreditManagerOnceAndNobodyElse() throws Exception {
        TestTenant tenant = data.tenant("Exposure");
        TestUser creditManager = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestTenant bystander = data.tenant("Exposure bystander");
        TestUser bystanderCredit = data.member(bystander, Role.CREDIT_MANAGER, Language.EN);
        String number = LedgerApi.number();
        long companyId = RegistryRows.company(jdbc, "BE", number, "Encours Proef NV", "Brugge");
        watch(tenant, number, "K-1", "10000");
        watch(bystander, number, "B-1", "10000");
        String today = LocalDate.now(clock).toString();
        String due = LocalDate.now(clock).plusDays(30).toString();

        String first =
                body(load(mvc, tenant, "SNAPSHOT", today, item("F-1", "K-1", "Invoice", today, due, "8000.00", null)));
        assertThat(first).contains("\"signals\":0");
        String second =
                body(load(mvc, tenant, "DELTA", today, item("F-2", "K-1", "Invoice", today, due, "1500.00", null)));
        assertThat(second).contains("\"signals\":1");

        CapturedMessage message = MailBox.awaitOne(mail, creditManager.email());
        assertThat(message.subject()).contains("Encours Proef NV").contains("Exposure near credit limit");
        assertThat(message.text()).contains("Exposure near credit limit").contains("/companies/BE/" + number);

        String replay =
                body(load(mvc, tenant, "DELTA", today, item("F-2", "K-1", "Invoice", today, due, "1500.00", null)));
        assertThat(replay).contains("\"signals\":0").contains("\"unchanged\":1");
        Wait.outboxSettled(jdbc, tenant.id(), clock);
        Wait.outboxSettled(jdbc, bystander.id(), clock);
        assertThat(mail.messagesTo(creditManager.email())).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from alert where tenant_id = ? and code = 'EXPOSURE_NEAR_LIMIT'",
                        Long.class,
                        tenant.id()))
                .isEqualTo(1);
        assertThat(mail.messagesTo(bystanderCredit.email()))
                .as("the other tenant's ledger is not theirs")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, bystander.id()))
                .isZero();
        assertThat(signalQueries.withCodesSince(
                        List.of(companyId), List.of("EXPOSURE_NEAR_LIMIT"), LocalDate.of(2000, 1, 1)))
                .as("the shared light reads the registry's events only")
                .isEmpty();
    }

    @Test
    void eachOfTheSixSignalsFiresOnceWhenItsFigureCrossesItsThresholdAndAReplayFiresNothing() throws Exception {
        TestTenant tenant = data.tenant("Six signals");
        String slipping = LedgerApi.number();
        String good = LedgerApi.number();
        long slippingId = RegistryRows.company(jdbc, "BE", slipping, "Glijdend Proef NV", "Aalst");
        long goodId = RegistryRows.company(jdbc, "BE", good, "Stipt Proef NV", "Lier");
        watch(tenant, slipping, "S-1", "1000");
        watch(tenant, good, "G-1", null);

        // three months before: one invoice paid on time, so DBT was 0
        load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-01-01",
                item("P-1", "S-1", "Invoice", "2025-10-01", "2025-10-31", "100", "2025-10-30"));
        String[] now = {
            item("P-1", "S-1", "Invoice", "2025-10-01", "2025-10-31", "100", "2025-10-30"),
            // 95 days past due, 120 % of the limit, DBT 95 days
            item("L-1", "S-1", "Invoice", "2026-01-01", "2026-01-10", "1200", null),
            // thirteen months of invoices, every one paid by its due date
            item("G-A", "G-1", "Invoice", "2025-03-01", "2025-03-31", "500", "2025-03-20"),
            item("G-B", "G-1", "Invoice", "2026-03-01", "2026-03-31", "500", "2026-03-25")
        };
        String report = body(load(mvc, tenant, "SNAPSHOT", "2026-04-15", now));
        assertThat(report).contains("\"signals\":6");
        assertThat(codes(tenant, slippingId))
                .containsExactlyInAnyOrder(
                        "CREDIT_LIMIT_EXCEEDED", "EXPOSURE_NEAR_LIMIT", "OVERDUE_60", "OVERDUE_90", "INTERNAL_DBT_UP");
        assertThat(codes(tenant, goodId)).containsExactly("CONSISTENT_GOOD_PAYER");

        assertThat(body(load(mvc, tenant, "SNAPSHOT", "2026-04-15", now))).contains("\"signals\":0");
        assertThat(codes(tenant, slippingId)).hasSize(5);
    }

    private List<String> codes(TestTenant tenant, long companyId) {
        return jdbc.queryForList(
                "select code from signal_event where tenant_id = ? and company_id = ? order by code",
                String.class,
                tenant.id(),
                companyId);
    }

    private void watch(TestTenant tenant, String number, String reference, String limit) {
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers " + reference).id();
            watchlists.add(
                    list,
                    number,
                    new EntryData(
                            reference,
                            null,
                            limit == null ? null : new Amount(new BigDecimal(limit), "EUR"),
                            null,
                            null,
                            List.of()));
        });
    }

    private static String body(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
