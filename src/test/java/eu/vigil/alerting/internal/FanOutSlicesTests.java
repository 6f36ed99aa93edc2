package eu.vigil.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.alerting.AlertingProperties;
import eu.vigil.alerting.KboUpdates;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.signal.SignalEvents;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchedCompanies;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The fan-out commits slice by slice, so that the first emails leave before the last alerts are written: a slice that
 * fails loses nothing the slices before it committed, and handling the batch again sends nobody anything twice.
 */
@VigilTest
class FanOutSlicesTests {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    TestData data;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    CapturedMail mail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SignalEvents events;

    @Autowired
    WatchedCompanies watched;

    @Autowired
    Outbox outbox;

    @Autowired
    AlertingProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSliceThatFailsKeepsTheCommittedSlicesAndTheRetrySendsEachEmailOnce() throws Exception {
        String number = KboUpdates.number();
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Schijven Proef NV", "000", false)));
        // the bankruptcy is recorded before anybody watches the company, so the application's own fan-out raises
        // nothing
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Schijven Proef NV", "050", true)));
        List<Long> eventIds = jdbc.queryForList("""
                select e.id from signal_event e join company c on c.id = e.company_id
                where c.country = 'BE' and c.number = ? and e.code = 'BANKRUPTCY_OPENED'""", Long.class, number);
        assertThat(eventIds).hasSize(1);
        List<Long> companyIds =
                jdbc.queryForList("select id from company where country = 'BE' and number = ?", Long.class, number);

        List<TestTenant> tenants = new ArrayList<>();
        List<TestUser> credit = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestTenant tenant = data.tenant("Sliced " + i);
            tenants.add(tenant);
            credit.add(data.member(tenant, Role.CREDIT_MANAGER, Language.NL));
            TenantContext.runAs(
                    tenant.id(),
                    () -> watchlists.add(
                            watchlists.create("Customers").id(),
                            number,
                            new EntryData(null, null, null, null, null, List.of())));
        }
        // as if they had watched it when the event was detected
        jdbc.update(
                "update watchlist_entry set added_at = now() - interval '1 hour' where tenant_id = any(?::uuid[])",
                (Object) tenants.stream().map(TestTenant::id).toArray(UUID[]::new));
        // slices of one entry each, in the fan-out's order (company, then tenant): the second one fails once
        List<TestTenant> inOrder = tenants.stream()
                .sorted(Comparator.comparing((TestTenant t) -> t.id().toString()))
                .toList();
        // (PostgreSQL orders uuids by their bytes, as their text sorts; java.util.UUID compares signed longs)
        FanOut oneBySlice = new FanOut(dataSource, events, watched, outbox, withFanOutBatch(1), transactions);
        try {
            failOnce(inOrder.get(1).id());
            assertThatThrownBy(() -> TenantContext.callAsPlatform(() -> oneBySlice.fanOut(eventIds, companyIds)))
                    .hasMessageContaining("the database failed on this slice");
            assertThat(alertsOf(inOrder.get(0))).as("the first slice committed").isEqualTo(1);
            assertThat(alertsOf(inOrder.get(1))).isZero();
            assertThat(alertsOf(inOrder.get(2))).isZero();
            TestUser first = credit.get(tenants.indexOf(inOrder.get(0)));
            Wait.until(
                    "the first slice's email",
                    () -> !mail.messagesTo(first.email()).isEmpty());

            FanOut.Result retry = TenantContext.callAsPlatform(() -> oneBySlice.fanOut(eventIds, companyIds));
            assertThat(retry.alerts())
                    .as("only the slices that had failed or not run")
                    .isEqualTo(2);
        } finally {
            jdbc.execute("drop trigger if exists fan_out_slices_test on alert");
        }
        for (TestUser user : credit) {
            Wait.until(
                    "mail to " + user.email(),
                    () -> !mail.messagesTo(user.email()).isEmpty());
        }
        for (TestTenant tenant : tenants) {
            Wait.outboxSettled(jdbc, tenant.id(), clock);
        }
        for (int i = 0; i < tenants.size(); i++) {
            assertThat(alertsOf(tenants.get(i))).isEqualTo(1);
            assertThat(mail.messagesTo(credit.get(i).email()))
                    .as("one email each")
                    .hasSize(1);
            assertThat(mail.messagesTo(credit.get(i).email()).getFirst().subject())
                    .contains("Schijven Proef NV");
        }
    }

    /** A real failure inside the database, once, on the alert insert of {@code tenant}'s slice. */
    private void failOnce(UUID tenant) {
        jdbc.execute("create sequence if not exists fan_out_slices_test_failures");
        jdbc.execute("""
                create or replace function fan_out_slices_test() returns trigger language plpgsql as $$
                begin
                    if new.tenant_id = '%s'::uuid and nextval('fan_out_slices_test_failures') = 1 then
                        raise exception 'the database failed on this slice';
                    end if;
                    return new;
                end $$""".formatted(tenant));
        jdbc.execute("alter sequence fan_out_slices_test_failures restart");
        jdbc.execute("drop trigger if exists fan_out_slices_test on alert");
        jdbc.execute(
                "create trigger fan_out_slices_test before insert on alert for each row execute function fan_out_slices_test()");
    }

    private AlertingProperties withFanOutBatch(int batch) {
        AlertingProperties p = properties;
        return new AlertingProperties(
                p.groupWindow(),
                p.pollInterval(),
                p.claimBatch(),
                p.lease(),
                p.maxAttempts(),
                p.retryBackoff(),
                p.maxBackoff(),
                batch,
                p.senders(),
                p.instance());
    }

    private long alertsOf(TestTenant tenant) {
        return jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, tenant.id());
    }

    private RunView ingest(byte[] extract) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "slices-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
        return run;
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }
}
