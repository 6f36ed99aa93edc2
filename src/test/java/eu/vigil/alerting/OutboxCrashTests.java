package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.vigil.support.Wait;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one case that sends an email twice: an instance dies after the SMTP server accepted some mails and before the
 * UPDATE that marks them sent. Here that UPDATE fails for real (a test-only trigger refuses the first marking of one
 * row), so the rest of its batch stays claimed; once its lease has run out it is claimed and sent again. Every email
 * arrives, and only the mails of that one marking (at most 50) arrive twice.
 */
@Tag("instances")
class OutboxCrashTests {

    /** Instances start, claim, hang and take over within leases of seconds. */
    private static final Duration INSTANCES = Duration.ofSeconds(60);

    private static final int TENANTS = 4;
    private static final int MANAGERS = 4;
    private static final int COMPANIES = 10;
    private static final int CLAIM_BATCH = 120;
    /** A worker marks its accepted mails SENT 50 at a time, within a claimed batch (OutboxWorker.MARK_SENT_EVERY). */
    private static final int MARKED_TOGETHER = 50;

    private static final Duration LEASE = Duration.ofSeconds(4);

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;

    @BeforeAll
    static void startDatabaseAndMailServer() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stop() throws IOException {
        smtp.stop();
        postgres.close();
    }

    @Test
    void aBatchAcceptedButNeverMarkedSentGoesOutAgainAfterItsLeaseAndNothingIsLost() throws Exception {
        try (ConfigurableApplicationContext app = OwnInstances.start(
                "vigil-crash",
                "crashing",
                postgres.getJdbcUrl("postgres", "postgres"),
                smtp.getSmtp().getPort(),
                2_000,
                Map.of(
                        "vigil.alerts.lease",
                        LEASE.toMillis() + "ms",
                        "vigil.alerts.claim-batch",
                        String.valueOf(CLAIM_BATCH),
                        "vigil.alerts.senders",
                        "2"))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<String> numbers = IntStream.range(0, COMPANIES)
                    .mapToObj(i -> KboUpdates.number())
                    .toList();
            List<String> recipients = OwnInstances.creditManagersWatching(app, TENANTS, MANAGERS, numbers);
            String doomedRecipient = recipients.get(MANAGERS + 1);
            String doomedCompany = numbers.get(COMPANIES / 2);
            jdbc.execute("create table test_crash_before_marking (recipient varchar(320), company_id bigint)");
            jdbc.update("""
                    insert into test_crash_before_marking
                    select ?, id from company where country = 'BE' and number = ?""", doomedRecipient, doomedCompany);
            // the marking UPDATE of the batch that holds that row fails, each time, as long as the row is on its first
            // claim
            jdbc.execute("""
                    create function test_crash_before_marking() returns trigger language plpgsql as $$
                    begin
                        if exists (select 1 from marked m join test_crash_before_marking c
                                       on c.recipient = m.recipient and c.company_id = m.company_id
                                   where m.status = 'SENT' and m.attempts = 1) then
                            raise exception 'test: the instance died before it marked its batch sent';
                        end if;
                        return null;
                    end
                    $$""");
            jdbc.execute("""
                    create trigger test_crash_before_marking after update on mail_outbox referencing new table as marked
                    for each statement execute function test_crash_before_marking()""");

            OwnInstances.ingest(app, numbers, "050");
            int expected = TENANTS * MANAGERS * COMPANIES;
            String doomedRow = """
                    select o.id, o.status, o.attempts, o.claimed_until, o.sent_at from mail_outbox o
                    join company c on c.id = o.company_id where o.recipient = ? and c.number = ?""";
            Wait.until(
                    "the doomed row's email accepted, the row still claimed",
                    INSTANCES,
                    () -> received(doomedRecipient, doomedCompany) == 1
                            && "SENDING"
                                    .equals(jdbc.queryForMap(doomedRow, doomedRecipient, doomedCompany)
                                            .get("status")));
            Instant leaseEnd = jdbc.queryForObject(
                            "select claimed_until from (" + doomedRow + ") r",
                            OffsetDateTime.class,
                            doomedRecipient,
                            doomedCompany)
                    .toInstant();

            Wait.until(
                    "every row marked sent",
                    INSTANCES,
                    () -> count(jdbc, "select count(*) from mail_outbox where status = 'SENT'") == expected);

            Map<String, Long> counts = received();
            Set<String> everyEmail = new HashSet<>();
            for (String recipient : recipients) {
                for (String number : numbers) {
                    everyEmail.add(key(recipient, number));
                }
            }
            assertThat(counts.keySet()).as("every email arrived, none lost").isEqualTo(everyEmail);
            Set<String> twice = counts.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(counts.values()).as("none more than twice").allMatch(n -> n <= 2);
            assertThat(twice)
                    .as("the mails whose marking failed went out again, and nothing else")
                    .contains(key(doomedRecipient, doomedCompany))
                    .hasSizeLessThanOrEqualTo(MARKED_TOGETHER);
            Set<String> reclaimed = new HashSet<>(jdbc.query("""
                    select o.recipient, c.number from mail_outbox o join company c on c.id = o.company_id
                    where o.attempts = 2""", (rs, n) -> key(rs.getString(1), rs.getString(2))));
            assertThat(reclaimed)
                    .as("taken again after the lease: that one batch")
                    .hasSizeLessThanOrEqualTo(CLAIM_BATCH)
                    .containsAll(twice);
            assertThat(count(jdbc, "select count(*) from mail_outbox where attempts > 2"))
                    .isZero();
            Map<String, Object> doomed = jdbc.queryForMap(doomedRow, doomedRecipient, doomedCompany);
            assertThat(doomed.get("status")).isEqualTo("SENT");
            assertThat(((java.sql.Timestamp) doomed.get("sent_at")).toInstant())
                    .as("not before the lease ran out")
                    .isAfterOrEqualTo(leaseEnd);
        }
    }

    private static String key(String recipient, String number) {
        return recipient.toLowerCase() + " | " + number;
    }

    /** How often each (recipient, company) email arrived: the subject names the company ("Tweeling <number>"). */
    private static Map<String, Long> received() throws MessagingException {
        List<String> keys = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String number = message.getSubject().replaceAll(".*Tweeling (\\d{10}).*", "$1");
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                keys.add(key(to.toString(), number));
            }
        }
        return keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long received(String recipient, String number) {
        try {
            return received().getOrDefault(key(recipient, number), 0L);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
