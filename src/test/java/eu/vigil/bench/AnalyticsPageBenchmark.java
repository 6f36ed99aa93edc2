package eu.vigil.bench;

import eu.vigil.analytics.internal.LedgerAnalytics;
import eu.vigil.analytics.internal.LedgerAnalytics.Filter;
import eu.vigil.shared.Language;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics page's queries on a tenant of N customers (default 100,000), each with a company (four in five scored
 * by the bureau, one in ten red or amber), figures spread over the age buckets and two years of month-end history;
 * another tenant of the same size beside it. Prints the time of the page's three queries (breakdown, biggest at risk,
 * trend) and of a matrix cell's list, median and p95 over 30 runs after 5 warm-ups.
 */
public final class AnalyticsPageBenchmark {

    private AnalyticsPageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench-analytics");
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = BenchVigil.postgres(work)) {
            try (ConfigurableApplicationContext app = BenchVigil.start(postgres)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                TenantManagement tenants = app.getBean(TenantManagement.class);
                UUID tenant = TenantContext.callAsPlatform(
                        () -> tenants.createTenantWithoutInvitation("Bench " + UUID.randomUUID(), Language.EN));
                UUID other = TenantContext.callAsPlatform(
                        () -> tenants.createTenantWithoutInvitation("Bench " + UUID.randomUUID(), Language.EN));
                long seeded = System.nanoTime();
                seed(jdbc, tenant, other, customers);
                System.out.printf(
                        "seeded %,d customers per tenant in %.1f s%n", customers, (System.nanoTime() - seeded) / 1e9);
                LedgerAnalytics analytics = app.getBean(LedgerAnalytics.class);
                LocalDate today = LocalDate.now();
                time(
                        "page (breakdown + biggest at risk + trend)",
                        () -> TenantContext.runAs(tenant, () -> {
                            analytics.breakdown(Filter.all(null));
                            analytics.biggestAtRisk(null, 10);
                            analytics.trend(null, today);
                        }));
                time("breakdown", () -> TenantContext.runAs(tenant, () -> analytics.breakdown(Filter.all(null))));
                time("biggest at risk", () -> TenantContext.runAs(tenant, () -> analytics.biggestAtRisk(null, 10)));
                time("trend", () -> TenantContext.runAs(tenant, () -> analytics.trend(null, today)));
                time(
                        "matrix cell list (class 4, 61-90 days, 500 rows)",
                        () -> TenantContext.runAs(
                                tenant, () -> analytics.customers(new Filter(null, null, "4", "61_90", false), 500)));
            }
        }
    }

    private static void seed(JdbcTemplate jdbc, UUID tenant, UUID other, int customers) {
        jdbc.update(
                "insert into company (country, number) select 'BE', lpad(i::text, 10, '0') from generate_series(1, ?) i",
                customers);
        jdbc.update("""
                insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                select id, 'scores', json_build_object('riskClass', 1 + id % 5), 0, 'bureau', 'bench', current_date, 0
                from company where id % 5 <> 0""");
        jdbc.update("""
                insert into company_light (company_id, light, code, effective_date)
                select id, case when id % 20 = 1 then 'red' else 'amber' end, 'BENCH', current_date
                from company where id % 10 = 1""");
        for (UUID t : new UUID[] {tenant, other}) {
            jdbc.update("""
                    insert into receivable_figure (tenant_id, customer_key, customer_ref, country, number, company_id, entry_id,
                        currency, outstanding, not_due, overdue_1_30, overdue_31_60, overdue_61_90, overdue_over_90,
                        max_days_overdue, dso, computed_at, load_id)
                    select ?, 'C' || c.id, 'C' || c.id, 'BE', c.number, c.id, c.id, 'EUR',
                           a.n + a.o1 + a.o2 + a.o3 + a.o4, a.n, a.o1, a.o2, a.o3, a.o4, 0, 30 + c.id % 60, now(), 1
                    from company c
                    cross join lateral (select (c.id % 97) * 100.0 as n, (c.id % 7) * 50.0 as o1, (c.id % 11) * 20.0 as o2,
                                               case when c.id % 13 = 0 then 900.0 else 0 end as o3,
                                               case when c.id % 29 = 0 then 1500.0 else 0 end as o4) a""", t);
            jdbc.update("""
                    insert into receivable_figure_history (tenant_id, customer_key, as_of, outstanding, overdue, dbt, dso)
                    select f.tenant_id, f.customer_key, (date_trunc('month', current_date) - make_interval(months => m))::date - 1,
                           f.outstanding * (1 + m % 3) / 2, (f.outstanding - f.not_due) * (1 + m % 2), null, f.dso
                    from receivable_figure f cross join generate_series(0, 23) m where f.tenant_id = ?""", t);
        }
        jdbc.execute("analyze");
    }

    private static void time(String what, Runnable run) {
        for (int i = 0; i < 5; i++) {
            run.run();
        }
        double[] ms = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                "%s: median %.0f ms, p95 %.0f ms%n",
                what, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]);
    }
}
