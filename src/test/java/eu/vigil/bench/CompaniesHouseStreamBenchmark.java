package eu.vigil.bench;

import eu.vigil.VigilApplication;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Address;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Profile;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.feed.connect.CompaniesHouseStreamStub;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 23's stream figure, apart from the tests: a local Companies House stream replays {@code events} company-profile
 * events (a busy day is about 46,000) as fast as it can to a Vigil whose Companies House connection is enabled as an
 * operator would (config properties, the key in the environment), on a registry that holds the {@code companies}
 * companies they are about; every event changes its company (a new name; one round in five a liquidation), and one
 * company in ten is watched by a tenant with the default risk rule. Prints the time until every event is applied and
 * its signal events recorded, and from an event leaving the stub to its run committed and to its alert written.
 *
 * (arguments: events, companies, and a pace in events per second, 0 for all at once)
 *
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dbench.main=eu.vigil.bench.CompaniesHouseStreamBenchmark -Dbench.args="50000 10000 0"</pre>
 */
public final class CompaniesHouseStreamBenchmark {

    private static final String KEY = "bench-stream-key";
    private static final long FIRST_TIMEPOINT = 1_000_000;

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args.length > 0 ? args[0] : "50000");
        int companies = Integer.parseInt(args.length > 1 ? args[1] : "10000");
        // events per second the stub publishes at; 0: all at once, replayed as fast as the stub can send them
        int pace = Integer.parseInt(args.length > 2 ? args[2] : "0");
        Path work = Path.of("target/bench-stream");
        Files.createDirectories(work);
        try (CompaniesHouseStreamStub stub = new CompaniesHouseStreamStub(KEY);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("pgdata-" + System.nanoTime()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("max_wal_size", "4GB")
                        .start()) {
            stub.noHeartbeats();
            // the stream holds nothing yet: the connection opens at start-up and waits for events with heartbeats
            ConfigurableApplicationContext app = new SpringApplication(VigilApplication.class)
                    .run(
                            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--server.port=0",
                            "--spring.quartz.auto-startup=false",
                            "--spring.mail.host=localhost",
                            "--vigil.demo.seed=false",
                            "--vigil.feeds.uploads=" + work.resolve("uploads"),
                            "--vigil.feeds.connections.companies-house.enabled=true",
                            "--vigil.feeds.connections.companies-house.endpoint=" + stub.endpoint(),
                            "--vigil.feeds.connections.companies-house.streams=companies",
                            "--VIGIL_CH_STREAM_KEY=" + KEY,
                            "--logging.level.root=WARN");
            try (app) {
                FeedIngestion ingestion = app.getBean(FeedIngestion.class);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                seed(ingestion, jdbc, companies);
                List<String> lines = new ArrayList<>(events);
                for (int i = 0; i < events; i++) {
                    int round = i / companies;
                    lines.add(CompaniesHouseStreamWriter.line(CompaniesHouseStreamWriter.profile(
                            profile(
                                    i % companies,
                                    "BENCH " + (i % companies) + " ROUND " + (round + 1),
                                    round % 5 == 4 ? "liquidation" : "active"),
                            FIRST_TIMEPOINT + i,
                            "2026-12-07T09:00:00")));
                }
                long lastTimepoint = FIRST_TIMEPOINT + events - 1;
                long start = System.nanoTime();
                if (pace <= 0) {
                    stub.publish("companies", lines);
                } else {
                    int slice = Math.max(1, pace / 10);
                    for (int from = 0; from < lines.size(); from += slice) {
                        stub.publish("companies", lines.subList(from, Math.min(lines.size(), from + slice)));
                        Thread.sleep(100);
                    }
                }
                while (!Long.toString(lastTimepoint).equals(position(jdbc))) {
                    Thread.sleep(20);
                }
                double applied = (System.nanoTime() - start) / 1e9;
                long signals = jdbc.queryForObject(
                        "select count(*) from signal_event where source = 'companies-house'", Long.class);
                long runs = jdbc.queryForObject(
                        "select count(*) from feed_run where triggered_by = 'connection companies'", Long.class);
                long read = jdbc.queryForObject(
                        "select coalesce(sum(rows_applied), 0) from feed_run where triggered_by = 'connection companies'",
                        Long.class);
                System.out.printf(
                        "%,d events applied (%,d in runs) in %d runs, %,d signal events recorded: %.1f s (%.0f events/s)%n",
                        events, read, runs, signals, applied, events / applied);

                // the fan-out has run when no event publication is outstanding
                while (jdbc.queryForObject(
                                "select count(*) from event_publication where completion_date is null", Long.class)
                        > 0) {
                    Thread.sleep(50);
                }
                long expectedAlerts = jdbc.queryForObject("select count(*) from alert", Long.class);
                List<Duration> toRun = new ArrayList<>();
                TreeMap<Long, Instant> committed = commits(jdbc);
                for (long tp = FIRST_TIMEPOINT; tp <= lastTimepoint; tp++) {
                    Map.Entry<Long, Instant> run = committed.floorEntry(tp);
                    toRun.add(Duration.between(stub.sentAt(tp), run.getValue()));
                }
                List<Duration> toAlert = new ArrayList<>();
                List<Object[]> alertRows = jdbc.query(
                        """
                        select a.created_at, c.number, e.run_id from alert a join signal_event e on e.id = a.signal_event_id
                        join company c on c.id = a.company_id""", (rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3)});
                Map<Long, long[]> runRanges = ranges(jdbc);
                for (Object[] row : alertRows) {
                    int company = Integer.parseInt(((String) row[1]).substring(1));
                    long[] range = runRanges.get((Long) row[2]);
                    for (long tp = range[0]; tp <= range[1]; tp++) {
                        if ((tp - FIRST_TIMEPOINT) % companies == company) {
                            toAlert.add(Duration.between(stub.sentAt(tp), (Instant) row[0]));
                        }
                    }
                }
                System.out.printf(
                        "event left the stub -> its run committed: p50 %d ms, p95 %d ms, max %d ms%n",
                        percentile(toRun, 50), percentile(toRun, 95), percentile(toRun, 100));
                System.out.printf(
                        "event left the stub -> its alert written (%,d of %,d alerts): p50 %d ms, p95 %d ms, max %d ms%n",
                        toAlert.size(),
                        expectedAlerts,
                        percentile(toAlert, 50),
                        percentile(toAlert, 95),
                        percentile(toAlert, 100));
            }
        }
        System.exit(0);
    }

    /** The companies, known to the registry from a first capture, and a tenant watching one in ten. */
    private static void seed(FeedIngestion ingestion, JdbcTemplate jdbc, int companies) {
        StringBuilder capture = new StringBuilder();
        for (int c = 0; c < companies; c++) {
            capture.append(CompaniesHouseStreamWriter.line(CompaniesHouseStreamWriter.profile(
                            profile(c, "BENCH " + c, "active"), 1 + c, "2026-12-01T09:00:00")))
                    .append('\n');
        }
        RunView run = ingestion.ingestNow(
                "companies-house",
                new ByteArrayInputStream(capture.toString().getBytes(StandardCharsets.UTF_8)),
                "seed.jsonl",
                true,
                "benchmark");
        if (!"COMPLETED".equals(run.status())) {
            throw new IllegalStateException("Seed run " + run.status() + ": " + run.error());
        }
        jdbc.update("""
                insert into tenant (id, name, language, time_zone, platform, created_at)
                values (gen_random_uuid(), 'Bench stream', 'en', 'Europe/London', false, now())""");
        jdbc.update("""
                insert into app_user (id, tenant_id, email, display_name, role, status, language, time_zone, created_at)
                select gen_random_uuid(), t.id, 'credit@bench.test', 'Credit manager', 'CREDIT_MANAGER', 'ACTIVE', 'en',
                       t.time_zone, now() from tenant t where t.name = 'Bench stream'""");
        jdbc.update("""
                insert into alert_rule (id, tenant_id, name, polarities, min_severity, recipient_roles, delivery, default_rule,
                                        created_at, updated_at)
                select gen_random_uuid(), t.id, 'Risk: negative signals', '{negative}', 'medium', '{CREDIT_MANAGER}',
                       'IMMEDIATE', 'risk', now(), now() from tenant t where t.name = 'Bench stream'""");
        jdbc.update("""
                insert into watchlist (id, tenant_id, name, created_by, created_at)
                select gen_random_uuid(), t.id, 'Customers', 'benchmark', now() from tenant t where t.name = 'Bench stream'""");
        jdbc.update("""
                insert into watchlist_entry (tenant_id, watchlist_id, country, number, company_id, relationship, added_at)
                select w.tenant_id, w.id, 'GB', c.number, c.id, 'CUSTOMER', now() - interval '1 minute'
                from watchlist w cross join company c
                where w.name = 'Customers' and c.country = 'GB' and substring(c.number from 2)::integer % 10 = 0""");
        jdbc.execute("analyze");
    }

    private static Profile profile(int company, String name, String status) {
        return new Profile(
                "9%07d".formatted(company),
                name,
                "ltd",
                LocalDate.of(2015, 1, 1),
                null,
                status,
                null,
                new Address("1 Bench Street", "Leeds", "LS1 1AA", "England"),
                List.of("62020"),
                false,
                false,
                false,
                LocalDate.of(2025, 12, 31),
                false);
    }

    private static String position(JdbcTemplate jdbc) {
        return jdbc
                .queryForList(
                        "select position from feed_connection where source = 'companies-house' and stream = 'companies'",
                        String.class)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Each run's first timepoint and when it committed (its finish, the last statement before the commit). */
    private static TreeMap<Long, Instant> commits(JdbcTemplate jdbc) {
        TreeMap<Long, Instant> commits = new TreeMap<>();
        ranges(jdbc)
                .forEach((run, range) -> commits.put(
                        range[0],
                        jdbc.queryForObject("select finished_at from feed_run where id = ?", Timestamp.class, run)
                                .toInstant()));
        return commits;
    }

    /** The timepoints each run of the connection held, from its file name (companies-house-companies-first-last). */
    private static Map<Long, long[]> ranges(JdbcTemplate jdbc) {
        Map<Long, long[]> ranges = new TreeMap<>();
        jdbc.query("select id, file_name from feed_run where triggered_by = 'connection companies'", rs -> {
            String[] parts = rs.getString(2).replace(".jsonl", "").split("-");
            ranges.put(
                    rs.getLong(1),
                    new long[] {Long.parseLong(parts[parts.length - 2]), Long.parseLong(parts[parts.length - 1])});
        });
        return ranges;
    }

    private static long percentile(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().map(Duration::toMillis).sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
