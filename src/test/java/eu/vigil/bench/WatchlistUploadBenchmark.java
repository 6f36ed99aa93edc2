package eu.vigil.bench;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.watchlist.ApiImports;
import eu.vigil.watchlist.EntryFilter;
import eu.vigil.watchlist.ImportReport;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.Uploader;
import eu.vigil.watchlist.WatchlistManagement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads a messy {@code rows}-row CSV into a new watchlist through the real import path (validate, match,
 * enrol with COPY, traffic lights, report) and times it; then times pages of the 100k-entry list with
 * filters and sorts. Not a test: run with the bench profile (see src/docs/performance.md).
 */
public final class WatchlistUploadBenchmark {

    private WatchlistUploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "3");
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-watchlist");
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = BenchVigil.postgres(work)) {
            try (ConfigurableApplicationContext app = BenchVigil.start(
                    postgres,
                    "--vigil.storage.local.root=" + work.resolve("files"),
                    "--logging.level.eu.vigil.watchlist=INFO")) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                long known = seedCompanies(jdbc, rows);
                UUID tenant = TenantContext.callAsPlatform(() -> app.getBean(TenantManagement.class)
                        .createTenantWithoutInvitation("Benchmark " + UUID.randomUUID(), Language.EN));
                byte[] csv = messyCsv(rows);
                System.out.printf("%,d companies known, %,d-row CSV of %,d KB%n", known, rows, csv.length / 1024);
                WatchlistManagement watchlists = app.getBean(WatchlistManagement.class);
                ApiImports imports = app.getBean(ApiImports.class);
                List<Double> importSeconds = new ArrayList<>();
                List<Double> pageP95 = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    int r = round;
                    TenantContext.runAs(tenant, () -> {
                        UUID list = watchlists.create("Round " + r).id();
                        long start = System.nanoTime();
                        ImportReport report = imports.importFile(
                                list,
                                new ByteArrayInputStream(csv),
                                "erp.csv",
                                new Uploader("benchmark", null, null, Language.EN));
                        double seconds = (System.nanoTime() - start) / 1e9;
                        importSeconds.add(seconds);
                        List<Double> pages = pages(watchlists, list, 200);
                        pageP95.add(percentile(pages, 95));
                        System.out.printf(
                                "round %d: import %.2f s (%,d accepted, %,d pending, %,d rejected, %,d duplicates) | "
                                        + "page median %.0f ms, p95 %.0f ms%n",
                                r,
                                seconds,
                                report.accepted().size(),
                                report.pending().size(),
                                report.rejected().size(),
                                report.duplicates().size(),
                                percentile(pages, 50),
                                pageP95.getLast());
                    });
                }
                System.out.printf(
                        "%nWatchlist benchmark, %,d rows, %d round(s): import median %.2f s, page p95 median %.0f ms%n",
                        rows, rounds, percentile(importSeconds, 50), percentile(pageP95, 50));
            }
        }
    }

    /** Known companies for 85 % of the file's numbers, 2 % of them bankrupt last year. */
    private static long seedCompanies(JdbcTemplate jdbc, int rows) {
        jdbc.update("""
                insert into company (country, number)
                select 'BE', lpad((1000000 + g)::text, 8, '0') || lpad((97 - (1000000 + g) % 97)::text, 2, '0')
                from generate_series(0, ?) g where g % 100 < 85""", rows);
        jdbc.update("""
                insert into signal_event (company_id, code, category, polarity, severity, new_value, effective_date, source, extract, run_id)
                select id, 'BANKRUPTCY_OPENED', 'status', 'negative', 'critical', '048', current_date - 365, 'kbo', 'bench', 0
                from company where id % 50 = 0""");
        jdbc.execute("analyze company");
        jdbc.execute("analyze signal_event");
        return jdbc.queryForObject("select count(*) from company", Long.class);
    }

    /** Semicolons, a BOM, four notations, 1 % bad check digits, 1 % repeats, references, types, limits, tags. */
    private static byte[] messyCsv(int rows) {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder("\uFEFFKlant;Ondernemingsnummer;Naam;Type;Kredietlimiet;Tags\r\n");
        for (int i = 0; i < rows; i++) {
            long base = 1000000 + (random.nextInt(100) == 0 && i > 0 ? i - 1 : i);
            String number = String.format("%08d%02d", base, 97 - base % 97);
            if (random.nextInt(100) == 0) {
                number = number.substring(0, 9) + ((number.charAt(9) - '0' + 1) % 10);
            }
            String written = switch (i % 4) {
                case 0 -> number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
                case 1 -> "BE" + number;
                case 2 -> number;
                default -> "BE " + number.substring(0, 4) + " " + number.substring(4, 7) + " " + number.substring(7);
            };
            text.append("C-")
                    .append(i)
                    .append(';')
                    .append(written)
                    .append(";\"Klant ")
                    .append(i)
                    .append(" NV\";")
                    .append(i % 3 == 0 ? "leverancier" : "klant")
                    .append(';')
                    .append(random.nextInt(100) * 1000)
                    .append(",00 EUR;")
                    .append(i % 10 == 0 ? "vip" : "")
                    .append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Double> pages(WatchlistManagement watchlists, UUID list, int count) {
        SplittableRandom random = new SplittableRandom(11);
        String[] lights = {null, "red", "green", "pending"};
        List<Double> millis = new ArrayList<>();
        List<java.util.Map.Entry<Double, String>> slowest = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sort = EntryFilter.SORTS.get(random.nextInt(EntryFilter.SORTS.size()));
            EntryFilter filter = new EntryFilter(
                    lights[random.nextInt(lights.length)],
                    random.nextBoolean() ? null : Relationship.SUPPLIER,
                    null,
                    random.nextInt(4) == 0 ? "vip" : null,
                    random.nextInt(5) == 0 ? Boolean.FALSE : null,
                    null,
                    sort,
                    random.nextBoolean());
            int page = 1 + random.nextInt(100);
            long start = System.nanoTime();
            watchlists.entries(list, filter, page, 50);
            double took = (System.nanoTime() - start) / 1e6;
            millis.add(took);
            slowest.add(java.util.Map.entry(took, filter + " page " + page));
        }
        slowest.sort(java.util.Map.Entry.<Double, String>comparingByKey().reversed());
        slowest.stream()
                .limit(3)
                .forEach(e -> System.out.printf("  slow page: %.0f ms %s%n", e.getKey(), e.getValue()));
        return millis;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
