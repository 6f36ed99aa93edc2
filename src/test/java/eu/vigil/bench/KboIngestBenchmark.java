package eu.vigil.bench;

import eu.vigil.VigilApplication;
import eu.vigil.company.CompanyNames;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.feed.kbo.KboExtractGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3's figures, apart from the tests: a KBO-shaped Full extract of N enterprises into an empty
 * registry, then a 10,000-change Update, against PostgreSQL's own COPY of the same CSV files into
 * plain tables on the same server. Rounds alternate baseline and ingest; medians are printed.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dbench.enterprises=1940000 -Dbench.rounds=1</pre>
 */
public final class KboIngestBenchmark {

    private static final List<String> FILES =
            List.of("enterprise", "establishment", "denomination", "address", "contact", "activity", "branch");

    public static void main(String[] args) throws Exception {
        int enterprises = Integer.parseInt(args.length > 0 ? args[0] : "200000");
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "3");
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-kbo");
        Files.createDirectories(work);

        Path full = work.resolve("full-" + enterprises);
        Path update = work.resolve("update-" + enterprises);
        if (!Files.isDirectory(full) || !Files.isDirectory(update)) {
            long start = System.nanoTime();
            KboExtractGenerator generator = new KboExtractGenerator(42L, enterprises);
            generator.writeFull(full, 1, LocalDate.of(2026, 10, 2));
            generator.writeUpdate(update, 2, LocalDate.of(2026, 10, 3), 10_000);
            System.out.printf(
                    "generated %,d enterprises: %,d MB of CSV in %.1f s%n",
                    enterprises, size(full) / 1_000_000, (System.nanoTime() - start) / 1e9);
        }
        long csvBytes = size(full);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pgdata-" + System.nanoTime()))
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("maintenance_work_mem", "512MB")
                .start()) {
            List<Double> copySeconds = new ArrayList<>();
            List<Double> fullSeconds = new ArrayList<>();
            List<Double> updateSeconds = new ArrayList<>();
            List<Double> namesSeconds = new ArrayList<>();
            List<double[]> searchMillis = new ArrayList<>();
            List<Long> heapPeaks = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                copySeconds.add(copyBaseline(postgres, full, round));
                String database = "vigil_" + round;
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("create database " + database);
                }
                resetHeapPeaks();
                try (ConfigurableApplicationContext app = app(postgres, database)) {
                    FeedIngestion ingestion = app.getBean(FeedIngestion.class);
                    long start = System.nanoTime();
                    RunView fullRun = ingestion.ingestInPlace("kbo", full, false, "benchmark");
                    double fullTime = (System.nanoTime() - start) / 1e9;
                    check(fullRun);
                    start = System.nanoTime();
                    app.getBean(CompanyNames.class).awaitRebuilt();
                    double namesTime = (System.nanoTime() - start) / 1e9;
                    namesSeconds.add(namesTime);
                    searchMillis.add(nameSearches(app.getBean(CompanyRegistry.class)));
                    start = System.nanoTime();
                    RunView updateRun = ingestion.ingestInPlace("kbo", update, false, "benchmark");
                    double updateTime = (System.nanoTime() - start) / 1e9;
                    check(updateRun);
                    fullSeconds.add(fullTime);
                    updateSeconds.add(updateTime);
                    heapPeaks.add(heapPeak());
                    System.out.printf(
                            "round %d: COPY %.1f s | full ingest %.1f s (%,d rows, %,d companies) | name index after it %.1f s | update %.2f s "
                                    + "(%,d rows, %,d companies changed, %,d left) | heap peak %,d MB%n",
                            round,
                            copySeconds.getLast(),
                            fullTime,
                            fullRun.rowsRead(),
                            fullRun.companiesChanged(),
                            namesTime,
                            updateTime,
                            updateRun.rowsRead(),
                            updateRun.companiesChanged(),
                            updateRun.companiesLeft(),
                            heapPeaks.getLast() / 1_000_000);
                }
            }
            double copy = median(copySeconds);
            double ingest = median(fullSeconds);
            System.out.printf(
                    "%nKBO benchmark, %,d enterprises (%,d MB CSV), %d round(s), max heap %,d MB:%n",
                    enterprises,
                    csvBytes / 1_000_000,
                    rounds,
                    Runtime.getRuntime().maxMemory() / 1_000_000);
            System.out.printf("  COPY baseline median  %.1f s%n", copy);
            System.out.printf("  Full ingest median    %.1f s  = %.2f x COPY%n", ingest, ingest / copy);
            System.out.printf("  name index rebuilt in the background after it, median %.1f s%n", median(namesSeconds));
            System.out.printf(
                    "  name search, median over rounds: a name nothing has %.1f ms, a common word %.1f ms%n",
                    median(searchMillis.stream().map(m -> m[0]).toList()),
                    median(searchMillis.stream().map(m -> m[1]).toList()));
            System.out.printf("  Update (10,000) median %.2f s%n", median(updateSeconds));
            System.out.printf(
                    "  heap peak, upper bound (sum of pool peaks) %,d MB%n",
                    heapPeaks.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000);
        }
    }

    private static ConfigurableApplicationContext app(EmbeddedPostgres postgres, String database) {
        return new SpringApplication(VigilApplication.class)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                        "--spring.datasource.username=postgres",
                        "--server.port=0",
                        "--spring.quartz.auto-startup=false",
                        "--spring.mail.host=localhost",
                        "--vigil.demo.seed=false",
                        "--vigil.feeds.uploads=target/bench-kbo/uploads",
                        "--logging.level.root=WARN",
                        "--logging.level.eu.vigil.feed=INFO");
    }

    /** PostgreSQL's own COPY of the same CSV files into plain text tables: the floor for just loading the data. */
    /** The portal's name search on the loaded registry: the median of 20 searches for a name no company has, and for a common word. */
    private static double[] nameSearches(CompanyRegistry registry) {
        double[] result = new double[2];
        String[] texts = {"Zqxjvw Nonexistent", "bouw"};
        for (int t = 0; t < texts.length; t++) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                registry.searchByName(texts[t], 21);
                times.add((System.nanoTime() - start) / 1e6);
            }
            result[t] = median(times);
        }
        System.out.printf(
                "name search: '%s' %.1f ms, '%s' %.1f ms (median of 20)%n", texts[0], result[0], texts[1], result[1]);
        return result;
    }

    private static double copyBaseline(EmbeddedPostgres postgres, Path full, int round) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists baseline cascade");
            statement.execute("create schema baseline");
            for (String file : FILES) {
                List<String> header;
                try (var reader = Files.newBufferedReader(full.resolve(file + ".csv"))) {
                    header = List.of(reader.readLine().replace("\"", "").split(","));
                }
                statement.execute("create table baseline." + file + " ("
                        + String.join(
                                ", ",
                                header.stream().map(c -> "\"" + c + "\" text").toList()) + ")");
            }
            statement.execute("checkpoint");
            long start = System.nanoTime();
            for (String file : FILES) {
                statement.execute("copy baseline." + file + " from '"
                        + full.resolve(file + ".csv").toAbsolutePath() + "' with (format csv, header true)");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            statement.execute("drop schema baseline cascade");
            return seconds;
        }
    }

    private static void check(RunView run) {
        if (!"COMPLETED".equals(run.status())) {
            throw new IllegalStateException("Run #" + run.id() + " " + run.status() + ": " + run.error());
        }
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long size(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
