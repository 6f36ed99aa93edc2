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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Two (then three) full Vigil instances in one JVM on one PostgreSQL database and one SMTP server, Quartz clustered
 * in each: a KBO Update that bankrupts dozens of companies watched by several tenants mails every credit manager
 * once per company, and both instances send some. Then an instance freezes mid-send and is shut down: when the
 * lease of its claimed rows runs out, the other instance sends them, and still every email arrives once.
 */
@Tag("instances")
class TwoInstancesDeliveryTests {

    /** Instances start, claim, hang and take over within leases of seconds. */
    private static final Duration INSTANCES = Duration.ofSeconds(60);

    private static final int TENANTS = 4;
    private static final int MANAGERS = 3;
    private static final int COMPANIES = 24;
    private static final Duration LEASE = Duration.ofSeconds(5);

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static ServerSocket frozenSmtp;
    private static final List<Socket> frozenConnections = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startDatabaseAndMailServer() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        // an SMTP server that accepts connections and never says a word: an instance sending through it hangs mid-send
        frozenSmtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!frozenSmtp.isClosed()) {
                try {
                    frozenConnections.add(frozenSmtp.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterAll
    static void stop() throws IOException {
        frozenSmtp.close();
        for (Socket socket : frozenConnections) {
            socket.close();
        }
        smtp.stop();
        postgres.close();
    }

    @Test
    void twoInstancesSendEveryEmailOnceAndOneTakesOverWhatACrashedOneLeftLeased() throws Exception {
        try (ConfigurableApplicationContext one = start("one", smtp.getSmtp().getPort(), 2_000, Map.of())) {
            JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
            List<String> firstBatch = numbers();
            List<String> secondBatch = numbers();
            List<String> recipients = seed(one, firstBatch, secondBatch);

            try (ConfigurableApplicationContext two =
                    start("two", smtp.getSmtp().getPort(), 2_000, Map.of())) {
                ingest(one, firstBatch, "050");
                int expected = TENANTS * MANAGERS * COMPANIES;
                Wait.until(
                        "every email of the first batch",
                        INSTANCES,
                        () -> smtp.getReceivedMessages().length >= expected);
                Wait.until(
                        "every row marked sent",
                        INSTANCES,
                        () -> count(jdbc, "select count(*) from mail_outbox where status = 'SENT'") == expected);
                assertEachOnce(recipients, expected);
                Map<String, Long> byInstance = sentByInstance(jdbc);
                assertThat(byInstance.keySet())
                        .as("both instances sent some: " + byInstance)
                        .containsExactlyInAnyOrder("one", "two");
                assertThat(jdbc.queryForList(
                                "select instance_name from qrtz_scheduler_state where sched_name = 'vigil-twins'",
                                String.class))
                        .as("Quartz runs clustered in both")
                        .containsExactlyInAnyOrder("one", "two");
            }

            // instance two is gone; instance three, quick to claim, sends through an SMTP server that never answers:
            // it claims rows and hangs mid-send, then is shut down
            ConfigurableApplicationContext three = start(
                    "three",
                    frozenSmtp.getLocalPort(),
                    60_000,
                    Map.of("vigil.alerts.poll-interval", "10ms", "vigil.alerts.claim-batch", "1000"));
            ingest(one, secondBatch, "050");
            int expected = 2 * TENANTS * MANAGERS * COMPANIES;
            String strandedRows =
                    "select id, claimed_until from mail_outbox where status = 'SENDING' and claimed_by like 'three#%'";
            Wait.until("instance three holding claimed rows while one sent the rest", INSTANCES, () -> {
                long held = jdbc.queryForList(strandedRows).size();
                return held > 0
                        && count(jdbc, "select count(*) from mail_outbox where status = 'SENT'") + held == expected;
            });
            Map<Long, Instant> leasedUntil = jdbc
                    .query(
                            strandedRows,
                            (rs, n) -> Map.entry(
                                    rs.getLong(1),
                                    rs.getObject(2, java.time.OffsetDateTime.class)
                                            .toInstant()))
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Thread.ofVirtual().start(three::close);

            Wait.until(
                    "instance one to take the stranded rows over",
                    INSTANCES,
                    () -> count(jdbc, "select count(*) from mail_outbox where status = 'SENT'") == expected);
            assertEachOnce(recipients, expected);
            List<Map<String, Object>> takenOver = jdbc.queryForList(
                    "select id, claimed_by, attempts, sent_at from mail_outbox where id = any(?::bigint[])",
                    (Object) leasedUntil.keySet().toArray(Long[]::new));
            assertThat(takenOver).hasSize(leasedUntil.size()).allSatisfy(row -> {
                assertThat((String) row.get("claimed_by")).startsWith("one#");
                assertThat(row.get("attempts")).isEqualTo(2);
                assertThat(((java.sql.Timestamp) row.get("sent_at")).toInstant())
                        .as("not before the lease ran out")
                        .isAfterOrEqualTo(leasedUntil.get((Long) row.get("id")));
            });
        }
    }

    private static ConfigurableApplicationContext start(
            String instance, int smtpPort, int smtpTimeoutMillis, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("vigil.alerts.claim-batch", "5");
        properties.put("vigil.alerts.senders", "2");
        properties.put("vigil.alerts.lease", LEASE.toMillis() + "ms");
        properties.putAll(overrides);
        return OwnInstances.start(
                "vigil-twins",
                instance,
                postgres.getJdbcUrl("postgres", "postgres"),
                smtpPort,
                smtpTimeoutMillis,
                properties);
    }

    /** Tenants whose credit managers watch every company of both batches; answers the managers' addresses. */
    private static List<String> seed(ConfigurableApplicationContext app, List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return OwnInstances.creditManagersWatching(app, TENANTS, MANAGERS, all);
    }

    private static void ingest(ConfigurableApplicationContext app, List<String> numbers, String situation) {
        OwnInstances.ingest(app, numbers, situation);
    }

    /** Every (recipient, subject) once: the subject names the company. */
    private static void assertEachOnce(List<String> recipients, int expected) throws MessagingException {
        List<String> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                received.add(to.toString().toLowerCase() + " | " + message.getSubject());
            }
        }
        Map<String, Long> counts =
                received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.values()).as("no email twice").containsOnly(1L);
        assertThat(received).hasSize(expected);
        Set<String> to = new HashSet<>();
        received.forEach(r -> to.add(r.substring(0, r.indexOf(" | "))));
        assertThat(to).containsExactlyInAnyOrderElementsOf(recipients);
    }

    private static Map<String, Long> sentByInstance(JdbcTemplate jdbc) {
        return jdbc
                .queryForList(
                        "select split_part(claimed_by, '#', 1) from mail_outbox where status = 'SENT'", String.class)
                .stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<String> numbers() {
        return IntStream.range(0, COMPANIES).mapToObj(i -> KboUpdates.number()).toList();
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
