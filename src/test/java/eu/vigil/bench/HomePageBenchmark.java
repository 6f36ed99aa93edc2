package eu.vigil.bench;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.watchlist.internal.Lights;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A credit manager's home page over HTTP (sign-in, then {@code GET /} as a browser asks it, rendered), with a tenant
 * watching {@code entries} companies: two years of signal history (bankruptcies, negative and positive signals), bureau
 * risk classes for half of them, lights computed by the light rules, a few thousand alerts. Times {@code requests}
 * page loads per round and reports each round's median and p95, and the first load's time (the tenant's figures, its
 * lights, amounts and 12-month chart, are computed then; later loads show them kept for a minute while one background
 * thread recomputes them). Not a test: run with the bench profile (see src/docs/performance.md).
 */
public final class HomePageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private HomePageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int entries = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int rounds = Integer.parseInt(args.length > 1 ? args[1] : "3");
        int requests = Integer.parseInt(args.length > 2 ? args[2] : "200");
        Path work = Path.of(args.length > 3 ? args[3] : "target/bench-home");
        Files.createDirectories(work);
        try (EmbeddedPostgres postgres = BenchVigil.postgres(work)) {
            try (ConfigurableApplicationContext app = BenchVigil.start(
                    postgres, "--vigil.demo.world=false", "--vigil.storage.local.root=" + work.resolve("files"))) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                TenantManagement tenants = app.getBean(TenantManagement.class);
                String email = "credit-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
                String password = "bench horse battery staple";
                UUID[] ids = TenantContext.callAsPlatform(() -> {
                    UUID tenant = tenants.createTenantWithoutInvitation("Benchmark " + UUID.randomUUID(), Language.EN);
                    return new UUID[] {
                        tenant,
                        tenants.createActiveUser(
                                tenant, email, "Bench Credit", Role.CREDIT_MANAGER, Language.EN, password)
                    };
                });
                long seeding = System.nanoTime();
                seed(jdbc, ids[0], ids[1], entries);
                List<Long> companies = jdbc.queryForList("select id from company", Long.class);
                app.getBean(Lights.class).refresh(companies);
                jdbc.execute("analyze");
                System.out.printf(
                        "%,d entries seeded: %,d signal events, %,d lights (%s red, %s amber), %,d alerts in %.1f s%n",
                        entries,
                        jdbc.queryForObject("select count(*) from signal_event", Long.class),
                        companies.size(),
                        jdbc.queryForObject("select count(*) from company_light where light = 'red'", Long.class),
                        jdbc.queryForObject("select count(*) from company_light where light = 'amber'", Long.class),
                        jdbc.queryForObject("select count(*) from alert", Long.class),
                        (System.nanoTime() - seeding) / 1e9);

                String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                HttpClient client = HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                signIn(client, base, email, password);
                List<Double> p95s = new ArrayList<>();
                List<Double> medians = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> home = client.send(
                                HttpRequest.newBuilder(URI.create(base + "/"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        double took = (System.nanoTime() - start) / 1e6;
                        if (home.statusCode() != 200 || !home.body().contains("data-testid=\"home-portfolio\"")) {
                            throw new IllegalStateException("The home page answered " + home.statusCode());
                        }
                        if (round == 1 && i == 0) {
                            System.out.printf("first load (computes the tenant's figures): %.0f ms%n", took);
                            continue;
                        }
                        millis.add(took);
                    }
                    medians.add(percentile(millis, 50));
                    p95s.add(percentile(millis, 95));
                    System.out.printf(
                            "round %d: %d loads, median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                            round, millis.size(), medians.getLast(), p95s.getLast(), Collections.max(millis));
                }
                System.out.printf(
                        "%nHome page benchmark, %,d entries, %d round(s) of %d loads: median %.1f ms, p95 median %.1f ms%n",
                        entries, rounds, requests, percentile(medians, 50), percentile(p95s, 50));
            }
        }
    }

    /**
     * Companies for 98 % of the entries (the rest pending), with two years of history: 2 % bankrupt (a tenth of those
     * revoked), 8 % a high-severity negative signal, 6 % a positive one in the last 60 days; half with a risk class.
     */
    static void seed(JdbcTemplate jdbc, UUID tenant, UUID user, int entries) {
        UUID list = UUID.randomUUID();
        jdbc.update(
                "insert into watchlist (id, tenant_id, name, created_by, created_at) values (?, ?, 'Bench', 'bench', now())",
                list,
                tenant);
        jdbc.update("""
                insert into company (country, number)
                select 'BE', lpad((2000000 + g)::text, 8, '0') || lpad((97 - (2000000 + g) % 97)::text, 2, '0')
                from generate_series(1, ?) g where g % 50 <> 0""", entries);
        jdbc.update("""
                insert into watchlist_entry (tenant_id, watchlist_id, country, number, company_id, reference, relationship,
                                             credit_limit, limit_currency, exposure, exposure_currency, owner_id, added_at)
                select ?, ?, 'BE', n, c.id, 'C-' || g, (array['CUSTOMER', 'SUPPLIER', 'PROSPECT'])[1 + g % 3],
                       (g % 50) * 1000 + 5000, 'EUR', case when g % 4 = 0 then null else (g % 97) * 1000 end,
                       case when g % 4 = 0 then null else 'EUR' end, case when g % 25 = 0 then ?::uuid end,
                       now() - interval '3 years'
                from (select g, lpad((2000000 + g)::text, 8, '0') || lpad((97 - (2000000 + g) % 97)::text, 2, '0') as n
                      from generate_series(1, ?) g) x
                left join company c on c.country = 'BE' and c.number = x.n""", tenant, list, user, entries);
        String event = """
                insert into signal_event (company_id, code, category, polarity, severity, old_value, new_value, effective_date,
                                          detected_at, source, extract, run_id)
                select id, '%s', '%s', '%s', '%s', null, '%s', d, d + interval '1 day', 'bench', 'bench', 0
                from (select id, current_date - ((id * 7919) %% %d)::int as d from company where id %% %d = %d) c""";
        jdbc.update(event.formatted("BANKRUPTCY_OPENED", "status", "negative", "critical", "050", 730, 50, 1));
        jdbc.update(event.formatted("BANKRUPTCY_REVOKED", "status", "positive", "medium", "000", 20, 500, 1));
        jdbc.update(event.formatted("RISK_CLASS_HIGH", "scores", "negative", "high", "5", 540, 13, 2));
        jdbc.update(event.formatted("RATING_UPGRADED", "scores", "positive", "medium", "A", 60, 17, 3));
        jdbc.update("""
                insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                select id, 'scores', json_build_object('riskClass', 1 + id % 5, 'rating', 'BB'), id, 'bureau', 'bench', current_date, 0
                from company where id % 2 = 0""");
        jdbc.update("""
                insert into alert (tenant_id, rule_id, signal_event_id, company_id, country, number, code, polarity, severity,
                                   effective_date, watchlist_ids, owner_ids, state, created_at)
                select ?, null, e.id, e.company_id, w.country, w.number, e.code, e.polarity, e.severity, e.effective_date,
                       array[w.watchlist_id], case when w.owner_id is null then '{}' else array[w.owner_id] end,
                       case when e.id % 3 = 0 then 'NEW' else 'ACKNOWLEDGED' end, e.detected_at
                from signal_event e join watchlist_entry w on w.company_id = e.company_id and w.tenant_id = ?
                where e.polarity = 'negative'""", tenant, tenant);
    }

    private static void signIn(HttpClient client, String base, String email, String password) throws Exception {
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode() + " " + location);
        }
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
