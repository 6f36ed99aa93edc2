package eu.vigil.bench;

import eu.vigil.VigilApplication;
import eu.vigil.alerting.KboUpdates;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6's alerting figures, apart from the tests: {@code tenants} tenants (default rules, one credit manager each)
 * all watch company B, the first half also watches company A. Each round, a real KBO Update bankrupts an A company
 * (its event fans out to half the tenants) and then a B company (to all of them), and times, from the moment the
 * ingestion run returned (its events committed): the fan-out (until its last alert is committed) and each immediate
 * email until the SMTP server (GreenMail, in this JVM, or in one of its own with {@code -Dbench.smtp=process}, or
 * Postfix's {@code smtp-sink} with {@code -Dbench.smtp=smtp-sink}) accepted it. After each round, the server alone: the same message sent to as many recipients from as many threads,
 * its ceiling in the same conditions. The grouping window is 0 here: in production every email comes
 * {@code vigil.alerts.group-window} (2 min by default) later by design. Medians over the rounds.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dbench.main=eu.vigil.bench.AlertFanOutBenchmark -Dbench.args="10000 4 8" "-Dbench.heap=2g -Dbench.smtp=smtp-sink"</pre>
 * (arguments: tenants, rounds, sender threads; {@code "-Dbench.heap=2g -Dbench.smtp=process"} for the separate server)
 */
public final class AlertFanOutBenchmark {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args.length > 0 ? args[0] : "10000");
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "5");
        int senders = Integer.parseInt(args.length > 2 ? args[2] : "8");
        Path work = Path.of("target/bench-alerts");
        Files.createDirectories(work);
        SmtpServer smtp = SmtpServer.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("pgdata-" + System.nanoTime()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("max_wal_size", "4GB")
                        .setServerConfig("log_min_duration_statement", System.getProperty("bench.slowSql", "-1"))
                        // the statements it logs go to target/bench-alerts/pglog, not to the app's (quiet) logger
                        .setServerConfig(
                                "logging_collector", System.getProperty("bench.slowSql") == null ? "off" : "on")
                        .setServerConfig(
                                "log_directory",
                                work.resolve("pglog").toAbsolutePath().toString())
                        .start();
                ConfigurableApplicationContext app = new SpringApplication(VigilApplication.class)
                        .run(
                                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.hikari.maximum-pool-size=" + (senders + 10),
                                "--server.port=0",
                                "--spring.quartz.auto-startup=false",
                                "--spring.mail.host=127.0.0.1",
                                "--spring.mail.port=" + smtp.port(),
                                "--vigil.demo.seed=false",
                                "--vigil.feeds.uploads=" + work.resolve("uploads"),
                                "--vigil.feeds.inbox=" + work.resolve("inbox"),
                                "--vigil.alerts.group-window=0s",
                                "--vigil.alerts.poll-interval=50ms",
                                "--vigil.alerts.senders=" + senders,
                                "--logging.level.root=WARN",
                                "--logging.level.eu.vigil.alerting.internal.SignalEventsListener=INFO")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            FeedIngestion ingestion = app.getBean(FeedIngestion.class);
            List<String> halfWatched = IntStream.range(0, rounds)
                    .mapToObj(i -> KboUpdates.number())
                    .toList();
            List<String> allWatched = IntStream.range(0, rounds)
                    .mapToObj(i -> KboUpdates.number())
                    .toList();
            List<String> every = new ArrayList<>(halfWatched);
            every.addAll(allWatched);
            ingest(ingestion, every, "000");
            long start = System.nanoTime();
            seed(jdbc, tenants, halfWatched, allWatched);
            System.out.printf(
                    "seeded %,d tenants, %,d credit managers, %,d watch entries in %.1f s%n",
                    tenants,
                    tenants,
                    jdbc.queryForObject("select count(*) from watchlist_entry", Long.class),
                    (System.nanoTime() - start) / 1e9);

            List<Double> fanOutHalf = new ArrayList<>();
            List<Double> fanOutAll = new ArrayList<>();
            List<Double> p95Half = new ArrayList<>();
            List<Double> p95All = new ArrayList<>();
            List<Double> lastAll = new ArrayList<>();
            List<Double> medianAll = new ArrayList<>();
            List<Double> rateAll = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Result half = round(jdbc, ingestion, smtp, halfWatched.get(round), tenants / 2);
                Result all = round(jdbc, ingestion, smtp, allWatched.get(round), tenants);
                fanOutHalf.add(half.fanOut());
                fanOutAll.add(all.fanOut());
                p95Half.add(half.p95());
                p95All.add(all.p95());
                lastAll.add(all.last());
                medianAll.add(all.median());
                rateAll.add(all.rate());
                // the SMTP server's own ceiling, right after Vigil's round: the same message, as many threads
                baseline.add(serverRate(smtp, smtp.sample(), tenants, senders));
                System.out.printf(
                        "round %d: %,d tenants: fan-out %.2f s, emails p50 %.2f s p95 %.2f s last %.2f s"
                                + " | %,d tenants: fan-out %.2f s, emails p50 %.2f s p95 %.2f s last %.2f s, %.0f emails/s"
                                + " | %s alone %.0f emails/s%n",
                        round + 1,
                        tenants / 2,
                        half.fanOut(),
                        half.median(),
                        half.p95(),
                        half.last(),
                        tenants,
                        all.fanOut(),
                        all.median(),
                        all.p95(),
                        all.last(),
                        all.rate(),
                        smtp.name(),
                        baseline.getLast());
            }
            System.out.printf(
                    "%nAlerting, %d rounds, %d sender threads, grouping window 0, SMTP server: %s%n",
                    rounds, senders, smtp.name());
            System.out.printf(
                    "  fan-out, one event watched by %,d tenants -> alerts and outbox rows committed: median %.2f s%n",
                    tenants / 2, median(fanOutHalf));
            System.out.printf(
                    "  fan-out, one event watched by %,d tenants -> alerts and outbox rows committed: median %.2f s%n",
                    tenants, median(fanOutAll));
            System.out.printf(
                    "  end of run -> email accepted by SMTP, %,d emails: p95 median %.2f s (p50 %.2f s, last %.2f s)%n",
                    tenants, median(p95All), median(medianAll), median(lastAll));
            System.out.printf(
                    "  end of run -> email accepted by SMTP, %,d emails: p95 median %.2f s%n",
                    tenants / 2, median(p95Half));
            System.out.printf(
                    "  send rate, %,d emails (first to last accepted): median %.0f emails/s; the SMTP server alone, %d threads"
                            + " sending the same message: median %.0f emails/s; ratio %.2f%n",
                    tenants, median(rateAll), senders, median(baseline), median(rateAll) / median(baseline));
        } finally {
            smtp.close();
        }
    }

    private record Result(double fanOut, double median, double p95, double last, double rate) {}

    /**
     * How many emails/s the SMTP server accepts from {@code threads} threads, each over one connection, sending {@code sample}
     * to {@code count} distinct recipients (mailboxes it creates, as for Vigil's): nothing rendered, nothing read.
     */
    private static double serverRate(SmtpServer smtp, MimeMessage sample, int count, int threads) throws Exception {
        smtp.purge();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        Session session = Session.getInstance(properties);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    MimeMessage message = new MimeMessage(sample);
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                            transport.sendMessage(
                                    message, new Address[] {new InternetAddress("baseline-" + n + "@bench.test")});
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (smtp.received() != count) {
            throw new IllegalStateException(smtp.name() + " received " + smtp.received() + " of " + count);
        }
        smtp.purge();
        return count / seconds;
    }

    private static Result round(
            JdbcTemplate jdbc, FeedIngestion ingestion, SmtpServer smtp, String number, int expected) throws Exception {
        smtp.purge();
        long companyId =
                jdbc.queryForObject("select id from company where country = 'BE' and number = ?", Long.class, number);
        // the round's rows come after these ids: the polls below read a primary-key range, not the whole tables, so
        // that
        // watching costs the measured application next to nothing
        long alertsBefore = jdbc.queryForObject("select coalesce(max(id), 0) from alert", Long.class);
        long outboxBefore = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
        ingest(ingestion, List.of(number), "050");
        Instant runEnd = Instant.now();
        long ended = System.nanoTime();
        long deadline = ended + 600_000_000_000L;
        // the fan-out commits slice by slice: it is done when the last of its alerts is committed
        while (jdbc.queryForObject(
                        "select count(*) from alert where id > ? and company_id = ?",
                        Long.class,
                        alertsBefore,
                        companyId)
                < expected) {
            check(deadline, "Not every alert was raised within 10 minutes");
            Thread.sleep(10);
        }
        double fanOut = (System.nanoTime() - ended) / 1e9;
        long alerts = jdbc.queryForObject(
                "select count(*) from alert where id > ? and company_id = ?", Long.class, alertsBefore, companyId);
        while (jdbc.queryForObject(
                        "select count(*) from mail_outbox where id > ? and company_id = ? and status = 'SENT'",
                        Long.class,
                        outboxBefore,
                        companyId)
                < expected) {
            check(deadline, "Not every email was sent within 10 minutes");
            Thread.sleep(200);
        }
        Map<String, Object> times = jdbc.queryForMap("""
                select min(sent_at) as first, percentile_disc(0.5) within group (order by sent_at) as p50,
                       percentile_disc(0.95) within group (order by sent_at) as p95, max(sent_at) as last
                from mail_outbox where id > ? and company_id = ? and status = 'SENT'""", outboxBefore, companyId);
        int received = smtp.received();
        if (alerts != expected || received != expected) {
            throw new IllegalStateException(
                    "Expected " + expected + " alerts and emails, got " + alerts + " and " + received);
        }
        double first = since(runEnd, times.get("first"));
        double last = since(runEnd, times.get("last"));
        return new Result(
                fanOut,
                since(runEnd, times.get("p50")),
                since(runEnd, times.get("p95")),
                last,
                expected / Math.max(0.001, last - first));
    }

    private static void check(long deadline, String failure) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(failure);
        }
    }

    private static double since(Instant runEnd, Object sentAt) {
        return (((Timestamp) sentAt).toInstant().toEpochMilli() - runEnd.toEpochMilli()) / 1e3;
    }

    /**
     * Tenants, their credit managers, their default rules (as every tenant gets them) and one watchlist each, set-based:
     * creating 10,000 tenants through the API would spend most of an hour hashing passwords.
     */
    private static void seed(JdbcTemplate jdbc, int tenants, List<String> halfWatched, List<String> allWatched) {
        jdbc.update("""
                insert into tenant (id, name, language, time_zone, platform, created_at)
                select gen_random_uuid(), 'Bench ' || lpad(g::text, 6, '0'), (array['en','fr','nl','it'])[1 + g % 4],
                       'Europe/Brussels', false, now()
                from generate_series(1, ?) g""", tenants);
        jdbc.update("""
                insert into app_user (id, tenant_id, email, display_name, role, status, language, time_zone, created_at)
                select gen_random_uuid(), t.id, 'credit-' || substring(t.name from 7) || '@bench.test', 'Credit manager',
                       'CREDIT_MANAGER', 'ACTIVE', t.language, t.time_zone, now()
                from tenant t where t.name like 'Bench %'""");
        jdbc.update("""
                insert into alert_rule (id, tenant_id, name, polarities, min_severity, recipient_roles, delivery, default_rule,
                                        created_at, updated_at)
                select gen_random_uuid(), t.id, 'Risk: negative signals', '{negative}', 'medium', '{CREDIT_MANAGER}', 'IMMEDIATE',
                       'risk', now(), now()
                from tenant t where t.name like 'Bench %'""");
        jdbc.update("""
                insert into alert_rule (id, tenant_id, name, polarities, min_severity, recipient_roles, delivery, delivery_at,
                                        default_rule, created_at, updated_at)
                select gen_random_uuid(), t.id, 'Opportunities', '{positive}', 'info', '{SALES}', 'DAILY', '08:00', 'opportunities',
                       now(), now()
                from tenant t where t.name like 'Bench %'""");
        jdbc.update("""
                insert into watchlist (id, tenant_id, name, created_by, created_at)
                select gen_random_uuid(), t.id, 'Customers', 'benchmark', now() from tenant t where t.name like 'Bench %'""");
        insertEntries(jdbc, allWatched, tenants);
        insertEntries(jdbc, halfWatched, tenants / 2);
        jdbc.execute("analyze");
    }

    private static void insertEntries(JdbcTemplate jdbc, List<String> numbers, int firstTenants) {
        jdbc.update("""
                insert into watchlist_entry (tenant_id, watchlist_id, country, number, company_id, relationship, added_at)
                select w.tenant_id, w.id, 'BE', c.number, c.id, 'CUSTOMER', now() - interval '1 minute'
                from watchlist w join tenant t on t.id = w.tenant_id and t.name like 'Bench %'
                     and substring(t.name from 7)::integer <= ?
                cross join company c where c.country = 'BE' and c.number = any(?::text[])""", firstTenants, numbers.toArray(String[]::new));
    }

    private static void ingest(FeedIngestion ingestion, List<String> numbers, String situation) {
        KboUpdates.Enterprise[] enterprises = numbers.stream()
                .map(n -> new KboUpdates.Enterprise(n, "Bench " + n, situation, !"000".equals(situation)))
                .toArray(KboUpdates.Enterprise[]::new);
        RunView run = ingestion.ingestNow(
                "kbo",
                new ByteArrayInputStream(KboUpdates.update(KBO_DATE.format(LocalDate.now()), enterprises)),
                "bench.zip",
                true,
                "benchmark");
        if (!"COMPLETED".equals(run.status())) {
            throw new IllegalStateException("Run #" + run.id() + " " + run.status() + ": " + run.error());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
