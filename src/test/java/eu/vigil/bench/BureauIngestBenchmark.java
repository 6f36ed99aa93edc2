package eu.vigil.bench;

import eu.vigil.VigilApplication;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.feed.bureau.BureauLines;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 4's end-to-end figure, apart from the tests: a bureau snapshot of 10,000 companies, from the
 * start of the run to all its signal events committed, on a registry that already holds the bureau's
 * view of {@code companies} companies. Each round takes another 10,000 through three snapshots: the
 * same view again (the hash short-cut: the baseline in the same go), a usual month (rating and
 * payment score moved), and the worst case (every section moved: scores, payment days, a protest, a
 * new managing director; about ten events per company). Medians are printed.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dbench.main=eu.vigil.bench.BureauIngestBenchmark -Dbench.args="100000 5"</pre>
 */
public final class BureauIngestBenchmark {

    private static final int CHANGED = 10_000;
    private static final LocalDate BASE = LocalDate.of(2026, 10, 1);

    public static void main(String[] args) throws Exception {
        int companies = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int rounds = Math.min(Integer.parseInt(args.length > 1 ? args[1] : "5"), companies / CHANGED);
        Path work = Path.of("target/bench-bureau");
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("pgdata-" + System.nanoTime()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("max_wal_size", "4GB")
                        .setServerConfig("log_min_duration_statement", System.getProperty("bench.slowSql", "-1"))
                        // the statements it logs go to target/bench-bureau/pglog, not to the app's (quiet) logger
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
                                "--server.port=0",
                                "--spring.quartz.auto-startup=false",
                                "--spring.mail.host=localhost",
                                "--vigil.demo.seed=false",
                                "--vigil.feeds.uploads=" + work.resolve("uploads"),
                                "--logging.level.root=WARN",
                                "--logging.level.eu.vigil.feed=INFO")) {
            FeedIngestion ingestion = app.getBean(FeedIngestion.class);
            long start = System.nanoTime();
            RunView base = ingestion.ingestInPlace(
                    "bureau", write(work.resolve("base.jsonl"), 0, companies, BASE, 0), true, "benchmark");
            check(base);
            System.out.printf("base snapshot: %,d companies in %.1f s%n", companies, (System.nanoTime() - start) / 1e9);
            List<Double> changed = new ArrayList<>();
            List<Double> typical = new ArrayList<>();
            List<Double> unchanged = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                LocalDate asOf = BASE.plusDays(round + 1L);
                Path same = write(work.resolve("same-" + round + ".jsonl"), round * CHANGED, CHANGED, asOf, 0);
                Path scores = write(work.resolve("scores-" + round + ".jsonl"), round * CHANGED, CHANGED, asOf, 2);
                Path moved = write(
                        work.resolve("changed-" + round + ".jsonl"), round * CHANGED, CHANGED, asOf.plusDays(100), 1);
                start = System.nanoTime();
                RunView sameRun = ingestion.ingestInPlace("bureau", same, true, "benchmark");
                unchanged.add((System.nanoTime() - start) / 1e9);
                check(sameRun);
                start = System.nanoTime();
                RunView scoresRun = ingestion.ingestInPlace("bureau", scores, true, "benchmark");
                typical.add((System.nanoTime() - start) / 1e9);
                check(scoresRun);
                start = System.nanoTime();
                RunView run = ingestion.ingestInPlace("bureau", moved, true, "benchmark");
                changed.add((System.nanoTime() - start) / 1e9);
                check(run);
                System.out.printf(
                        "round %d: unchanged %.2f s (%,d changed) | scores moved %.2f s (%,d companies, %,d events)"
                                + " | everything moved %.2f s (%,d companies, %,d events)%n",
                        round + 1,
                        unchanged.getLast(),
                        sameRun.companiesChanged(),
                        typical.getLast(),
                        scoresRun.companiesChanged(),
                        scoresRun.signalEvents(),
                        changed.getLast(),
                        run.companiesChanged(),
                        run.signalEvents());
            }
            System.out.printf(
                    "%nBureau update of %,d companies on a registry of %,d, %d rounds:%n", CHANGED, companies, rounds);
            System.out.printf("  unchanged (hash short-cut) median %.2f s%n", median(unchanged));
            System.out.printf(
                    "  scores moved -> events stored      median %.2f s  = %.1f x the unchanged run%n",
                    median(typical), median(typical) / median(unchanged));
            System.out.printf(
                    "  everything moved -> events stored  median %.2f s  = %.1f x the unchanged run%n",
                    median(changed), median(changed) / median(unchanged));
        }
    }

    private static Path write(Path file, int from, int count, LocalDate asOf, int version) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = from; i < from + count; i++) {
                out.write(BureauLines.line(i, asOf, version));
                out.write('\n');
            }
        }
        return file;
    }

    private static void check(RunView run) {
        if (!"COMPLETED".equals(run.status()) || run.rowsRejected() > 0) {
            throw new IllegalStateException(
                    "Run #" + run.id() + " " + run.status() + ": " + run.error() + ", rejected " + run.rowsRejected());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
