package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run, one company, one rule: one email, whatever the number of signals. A KBO Update in which a watched company
 * goes bankrupt, is renamed and moves raises an alert per signal in the inbox, and its credit manager gets a single
 * email that names them all; a company on two of the tenant's watchlists is alerted once, not once per list.
 */
@VigilTest
class OneEmailPerRunTests {

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

    @Test
    void severalSignalsOfOneCompanyInOneRunGoOutAsOneEmail() {
        TestTenant tenant = data.tenant("One email");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String number = KboUpdates.number();
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Veelvoud Proef NV", "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID customers = watchlists.create("Customers").id();
            UUID key = watchlists.create("Key accounts").id();
            watchlists.add(customers, number, new EntryData(null, null, null, null, null, List.of()));
            watchlists.add(key, number, new EntryData(null, null, null, null, null, List.of()));
        });
        // the risk rule, widened to every signal, so that the run's several signals all match it
        jdbc.update(
                "update alert_rule set polarities = '{}', min_severity = 'info' where tenant_id = ? and default_rule = 'risk'",
                tenant.id());

        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Veelvoud Hernoemd NV", "050", true)));

        // the work ends when the fan-out has handled the run and the outbox has nothing left to send
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                        "select count(*) from event_publication where listener_id = 'alerting.fan-out' and completion_date is null",
                                        Long.class)
                                == 0
                        && jdbc.queryForObject(
                                        "select count(*) from mail_outbox where tenant_id = ? and status in ('PENDING', 'SENDING')",
                                        Long.class,
                                        tenant.id())
                                == 0
                        && !mail.messagesTo(credit.email()).isEmpty());
        List<String> signals = jdbc.queryForList(
                "select code from alert where tenant_id = ? order by code", String.class, tenant.id());
        assertThat(signals)
                .as("an alert per signal, once for the two watchlists")
                .hasSizeGreaterThanOrEqualTo(2)
                .doesNotHaveDuplicates()
                .contains("BANKRUPTCY_OPENED");
        List<CapturedMessage> emails = mail.messagesTo(credit.email());
        assertThat(emails).hasSize(1);
        assertThat(emails.getFirst().subject()).contains("and " + (signals.size() - 1) + " more");
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where tenant_id = ? and recipient = ?",
                        Long.class,
                        tenant.id(),
                        credit.email()))
                .isEqualTo(1);
    }

    private void ingest(byte[] extract) {
        RunView run =
                ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "one-email-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }
}
