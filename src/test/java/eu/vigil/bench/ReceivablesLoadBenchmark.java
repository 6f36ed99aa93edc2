package eu.vigil.bench;

import eu.vigil.receivables.ItemLine;
import eu.vigil.receivables.LoadMode;
import eu.vigil.receivables.LoadReport;
import eu.vigil.receivables.ReceivablesLoading;
import eu.vigil.shared.Language;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a ledger of {@code items} open items and payments for {@code customers} customers (each on a watchlist entry
 * with a credit limit) through the real load path: read and check every line, stage in batches, merge, recompute
 * every customer's figures, record the receivables signals. Then the same snapshot again (nothing changes), and a
 * snapshot a month later (items settled and added, figures and signals moving). Not a test: run with the bench
 * profile (see src/docs/performance.md).
 */
public final class ReceivablesLoadBenchmark {

    private ReceivablesLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
        int customers = Integer.parseInt(args.length > 1 ? args[1] : "50000");
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-receivables");
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = BenchVigil.postgres(work)) {
            try (ConfigurableApplicationContext app =
                    BenchVigil.start(postgres, "--logging.level.eu.vigil.receivables=DEBUG")) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                UUID tenant = TenantContext.callAsPlatform(() -> app.getBean(TenantManagement.class)
                        .createTenantWithoutInvitation("Benchmark " + UUID.randomUUID(), Language.EN));
                seed(jdbc, tenant, customers);
                ReceivablesLoading loading = app.getBean(ReceivablesLoading.class);
                LocalDate first = LocalDate.of(2026, 6, 30);
                run(loading, tenant, "first snapshot", items, customers, first, 0);
                run(loading, tenant, "same snapshot again", items, customers, first, 0);
                run(loading, tenant, "snapshot a month later", items, customers, first.plusMonths(1), 1);
                System.out.printf(
                        "events recorded: %,d%n",
                        jdbc.queryForObject(
                                "select count(*) from signal_event where tenant_id = ?", Long.class, tenant));
            }
        }
    }

    private static void run(
            ReceivablesLoading loading, UUID tenant, String what, int items, int customers, LocalDate asOf, int month) {
        long start = System.nanoTime();
        LoadReport report = TenantContext.callAs(
                tenant,
                () -> loading.load(
                        LoadMode.SNAPSHOT,
                        asOf,
                        "API",
                        "EUR",
                        Map.of(),
                        lines(items, customers, asOf, month),
                        "benchmark"));
        System.out.printf(
                "%s: %.2f s (%,d lines: %,d new, %,d changed, %,d unchanged, %,d closed; %,d customers; %,d signals)%n",
                what,
                (System.nanoTime() - start) / 1e9,
                report.received(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.closed(),
                report.customers(),
                report.signals());
    }

    /** 50,000 BE companies, each on the tenant's list with reference R-i and a credit limit of 5,000 to 100,000. */
    private static void seed(JdbcTemplate jdbc, UUID tenant, int customers) {
        jdbc.update("""
                insert into company (country, number)
                select 'BE', lpad((2000000 + g)::text, 8, '0') || lpad((97 - (2000000 + g) % 97)::text, 2, '0')
                from generate_series(0, ? - 1) g""", customers);
        UUID list = UUID.randomUUID();
        jdbc.update(
                "insert into watchlist (id, tenant_id, name, created_by, created_at) values (?, ?, 'Customers', 'bench', now())",
                list,
                tenant);
        jdbc.update("""
                insert into watchlist_entry (tenant_id, watchlist_id, country, number, company_id, reference, relationship,
                                             credit_limit, limit_currency)
                select ?, ?, c.country, c.number, c.id, 'R-' || (row_number() over (order by c.id) - 1), 'CUSTOMER',
                       5000 + (c.id % 20) * 5000, 'EUR'
                from company c where c.number like '02%'""", tenant, list);
        jdbc.execute("analyze");
    }

    /**
     * The ledger as an ERP exports it, generated line by line: each customer's invoices over two years (about one in
     * five still open, some of those overdue), a few credit notes; {@code month} moves a month on (more settled).
     */
    private static Iterator<ItemLine> lines(int items, int customers, LocalDate asOf, int month) {
        return new Iterator<>() {
            int next = 0;
            final SplittableRandom random = new SplittableRandom(11);

            @Override
            public boolean hasNext() {
                return next < items;
            }

            @Override
            public ItemLine next() {
                int i = next++;
                int customer = i % customers;
                LocalDate date = asOf.minusDays(random.nextInt(730));
                LocalDate due = date.plusDays(30);
                boolean open = random.nextInt(5) == 0 && (month == 0 || random.nextInt(4) != 0);
                LocalDate paid = open ? null : due.plusDays(random.nextInt(40) - 10);
                if (paid != null && paid.isAfter(asOf)) {
                    paid = null;
                }
                boolean credit = random.nextInt(50) == 0;
                String amount = (credit ? "-" : "") + (100 + random.nextInt(5000)) + ",00";
                return new ItemLine(
                        i + 1,
                        "D-" + i,
                        "R-" + customer,
                        null,
                        credit ? "Credit note" : "Invoice",
                        date.toString(),
                        due.toString(),
                        amount,
                        null,
                        null,
                        "EUR",
                        paid == null ? null : paid.toString());
            }
        };
    }
}
