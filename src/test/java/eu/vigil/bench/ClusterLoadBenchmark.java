package eu.vigil.bench;

import eu.vigil.alerting.KboUpdates;
import eu.vigil.feed.bureau.BureauLines;
import eu.vigil.support.RoundRobinProxy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 24's load run, apart from the tests: Vigil nodes started from the packaged jar (each a JVM of its own) on one
 * embedded PostgreSQL, behind {@link RoundRobinProxy} (a request to each node in turn, no stickiness), all on
 * 127.0.0.1. A tenant watches {@code entries} companies with two years of history and alerts; {@code users} credit
 * managers sign in through the proxy (one every 0.3 s) and browse (watchlists, a watchlist, a company, the alerts; a
 * think time of 0.5-1.5 s between pages) for {@code seconds}, while a KBO Update (5,000 enterprises, 1,000 of them going bankrupt)
 * and a bureau snapshot (10,000 watched companies, every section moved) are uploaded through the API and ingested.
 * Every answer that is not a 200 page of the signed-in user counts as an error. Prints, per page, the loads, errors,
 * median and p95, for each node count in turn (a fresh database each), side by side.
 *
 * <pre>./mvnw -q -DskipTests package && ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=eu.vigil.bench.ClusterLoadBenchmark -Dbench.args="50 120 20000 2,1"</pre>
 */
public final class ClusterLoadBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-f-]+)\"?");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final String PASSWORD = "bench horse battery staple";
    private static final String PLATFORM_KEY = "vgl_bench_platform_key_" + UUID.randomUUID();
    private static final List<String> PAGES = List.of("watchlists", "watchlist", "company", "alerts");
    private static final int KBO_CHANGED = 5_000;
    private static final int BUREAU_COMPANIES = 10_000;

    private ClusterLoadBenchmark() {}

    record PageFigures(int loads, int errors, double median, double p95, double max) {}

    record Result(
            int nodes,
            Map<String, PageFigures> pages,
            int signInErrors,
            List<String> errorSamples,
            double kboSeconds,
            double bureauSeconds,
            String load) {}

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args.length > 0 ? args[0] : "50");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "120");
        int entries = Integer.parseInt(args.length > 2 ? args[2] : "20000");
        List<Integer> nodeCounts = Stream.of((args.length > 3 ? args[3] : "2,1").split(","))
                .map(Integer::parseInt)
                .toList();
        Path jar = packagedJar();
        Path work = Path.of("target/bench-cluster").toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(
                "%s: %d users, %d s, %,d watched entries, nodes %s; load before: %s%n",
                jar.getFileName(), users, seconds, entries, nodeCounts, loadAverage());
        List<Result> results = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("pgdata-" + System.nanoTime()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("max_connections", "200")
                        .start();
                SmtpServer smtp = SmtpServer.start()) {
            for (int nodes : nodeCounts) {
                results.add(run(postgres, smtp, jar, work, nodes, users, seconds, entries));
            }
        }
        print(results, users, seconds, entries);
    }

    private static Result run(
            EmbeddedPostgres postgres,
            SmtpServer smtp,
            Path jar,
            Path work,
            int nodes,
            int users,
            int seconds,
            int entries)
            throws Exception {
        String database = "vigil_bench_" + nodes + "_" + System.nanoTime() % 100_000;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        List<Process> processes = new ArrayList<>();
        List<URI> backends = new ArrayList<>();
        try {
            for (int node = 1; node <= nodes; node++) {
                int port = freePort();
                backends.add(URI.create("http://127.0.0.1:" + port));
                processes.add(startNode(jar, work, postgres.getJdbcUrl("postgres", database), smtp, nodes, node, port));
            }
            HttpClient plain = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            for (int i = 0; i < nodes; i++) {
                awaitReady(plain, backends.get(i), processes.get(i), log(work, nodes, i + 1));
            }
            SingleConnectionDataSource dataSource =
                    new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", database), "postgres", "", true);
            try (RoundRobinProxy proxy = RoundRobinProxy.start(backends)) {
                String base = proxy.uri().toString();
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                Seeded seeded = seed(plain, base, jdbc, users, entries);
                System.out.printf("%d node(s): seeded and ready; load %s%n", nodes, loadAverage());

                Map<String, List<Double>> millis = new ConcurrentHashMap<>();
                Map<String, List<String>> errors = new ConcurrentHashMap<>();
                PAGES.forEach(page -> {
                    millis.put(page, Collections.synchronizedList(new ArrayList<>()));
                    errors.put(page, Collections.synchronizedList(new ArrayList<>()));
                });
                List<String> signInErrors = Collections.synchronizedList(new ArrayList<>());
                List<String> ingestErrors = new ArrayList<>();
                List<HttpClient> clients = new ArrayList<>();
                try (ExecutorService signing = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<HttpClient>> signedIn = new ArrayList<>();
                    // people arrive over a quarter of a minute, not all in the same instant
                    for (int u = 0; u < seeded.emails().size(); u++) {
                        String email = seeded.emails().get(u);
                        long arrival = u * 300L;
                        signedIn.add(signing.submit(() -> {
                            pause(arrival);
                            return signIn(base, email);
                        }));
                    }
                    for (Future<HttpClient> client : signedIn) {
                        try {
                            clients.add(client.get());
                        } catch (java.util.concurrent.ExecutionException e) {
                            signInErrors.add(String.valueOf(e.getCause().getMessage()));
                        }
                    }
                }
                AtomicBoolean running = new AtomicBoolean(true);
                List<String> loads = Collections.synchronizedList(new ArrayList<>());
                long start = System.nanoTime();
                double[] kbo = {Double.NaN};
                double[] bureau = {Double.NaN};
                try (ExecutorService browsing = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int u = 0; u < clients.size(); u++) {
                        HttpClient client = clients.get(u);
                        SplittableRandom random = new SplittableRandom(u);
                        browsing.submit(() -> browse(client, base, seeded, random, running, millis, errors));
                    }
                    browsing.submit(() -> {
                        while (running.get()) {
                            loads.add(loadAverage().split(" ")[0]);
                            pause(5_000);
                        }
                    });
                    Future<Double> kboRun = browsing.submit(() -> {
                        pause(10_000);
                        return ingest(plain, base, "kbo", "update.zip", kboUpdate(seeded.kboNumbers(), true));
                    });
                    Future<Double> bureauRun = browsing.submit(() -> {
                        pause(20_000);
                        return ingest(plain, base, "bureau", "snapshot.jsonl", bureauSnapshot(1));
                    });
                    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                        pause(500);
                    }
                    running.set(false);
                    kbo[0] = outcome(kboRun, ingestErrors);
                    bureau[0] = outcome(bureauRun, ingestErrors);
                }
                Map<String, PageFigures> pages = new LinkedHashMap<>();
                for (String page : PAGES) {
                    List<Double> sorted = new ArrayList<>(millis.get(page));
                    Collections.sort(sorted);
                    pages.put(
                            page,
                            new PageFigures(
                                    sorted.size(),
                                    errors.get(page).size(),
                                    percentile(sorted, 50),
                                    percentile(sorted, 95),
                                    sorted.isEmpty() ? Double.NaN : sorted.getLast()));
                }
                List<String> samples = new ArrayList<>(ingestErrors);
                samples.addAll(signInErrors);
                PAGES.forEach(page -> errors.get(page).stream().limit(3).forEach(samples::add));
                return new Result(
                        nodes,
                        pages,
                        signInErrors.size(),
                        samples,
                        kbo[0],
                        bureau[0],
                        loads.isEmpty() ? "?" : Collections.min(loads) + "–" + Collections.max(loads));
            } finally {
                dataSource.destroy();
            }
        } finally {
            for (Process process : processes) {
                process.destroy();
            }
            for (Process process : processes) {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    record Seeded(List<String> emails, UUID list, List<String> watched, List<String> kboNumbers) {}

    /**
     * The tenant through the API (so it gets its default alert rules), its credit managers and two years of history
     * by SQL ({@link HomePageBenchmark#seed}), then the first KBO sight of {@value #KBO_CHANGED} of its companies and
     * the bureau's first view of {@value #BUREAU_COMPANIES} more it watches, through the feeds.
     */
    private static Seeded seed(HttpClient http, String base, JdbcTemplate jdbc, int users, int entries)
            throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/tenants"))
                        .header("Authorization", "Bearer " + PLATFORM_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"Load " + UUID.randomUUID() + "\",\"adminEmail\":\"admin-"
                                        + UUID.randomUUID() + "@bench.test\",\"language\":\"en\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating the tenant: " + created.statusCode() + " " + created.body());
        }
        Matcher id = ID.matcher(created.body());
        id.find();
        UUID tenant = UUID.fromString(id.group(1));
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        List<String> emails = new ArrayList<>();
        UUID first = null;
        for (int u = 0; u < users; u++) {
            UUID user = UUID.randomUUID();
            first = first == null ? user : first;
            String email = "credit-" + u + "-" + tenant.toString().substring(0, 8) + "@bench.test";
            jdbc.update("""
                    insert into app_user (id, tenant_id, email, display_name, role, status, language, time_zone,
                                          password_hash, created_at)
                    values (?, ?, ?, ?, 'CREDIT_MANAGER', 'ACTIVE', 'en', 'Europe/Brussels', ?, now())""", user, tenant, email, "Credit " + u, hash);
            emails.add(email);
        }
        HomePageBenchmark.seed(jdbc, tenant, first, entries);
        jdbc.update("""
                insert into company_light (company_id, light, code, effective_date, computed_at)
                select c.id, case when b.company_id is null then 'green' else 'red' end, b.code, b.effective_date, now()
                from company c
                left join (select distinct on (company_id) company_id, code, effective_date from signal_event
                           where code = 'BANKRUPTCY_OPENED' order by company_id, effective_date desc) b
                       on b.company_id = c.id""");
        UUID list = jdbc.queryForObject("select id from watchlist where tenant_id = ?", UUID.class, tenant);
        List<String> watched = jdbc.queryForList(
                "select number from watchlist_entry where tenant_id = ? and company_id is not null order by number",
                String.class,
                tenant);
        // the bureau's companies, watched on a second list: their entries wait for the bureau's first view
        UUID bureauList = UUID.randomUUID();
        jdbc.update(
                "insert into watchlist (id, tenant_id, name, created_by, created_at) values (?, ?, 'Bureau', 'bench', now())",
                bureauList,
                tenant);
        jdbc.batchUpdate(
                """
                insert into watchlist_entry (tenant_id, watchlist_id, country, number, relationship, added_at)
                values (?, ?, 'BE', ?, 'CUSTOMER', now())""",
                java.util.stream.IntStream.range(0, BUREAU_COMPANIES)
                        .mapToObj(i -> new Object[] {tenant, bureauList, BureauLines.number(i)})
                        .toList());
        jdbc.execute("analyze");
        List<String> kboNumbers = watched.subList(0, Math.min(KBO_CHANGED, watched.size()));
        ingest(http, base, "kbo", "first.zip", kboUpdate(kboNumbers, false));
        ingest(http, base, "bureau", "base.jsonl", bureauSnapshot(0));
        return new Seeded(emails, list, watched, kboNumbers);
    }

    /** The run's time, or NaN with the reason among the errors when its upload or run failed. */
    private static double outcome(Future<Double> run, List<String> errors) throws InterruptedException {
        try {
            return run.get();
        } catch (java.util.concurrent.ExecutionException e) {
            errors.add("ingest: " + e.getCause().getMessage());
            return Double.NaN;
        }
    }

    /** Loads pages in turn as one signed-in user would, until told to stop. */
    private static void browse(
            HttpClient client,
            String base,
            Seeded seeded,
            SplittableRandom random,
            AtomicBoolean running,
            Map<String, List<Double>> millis,
            Map<String, List<String>> errors) {
        int turn = random.nextInt(PAGES.size());
        while (running.get()) {
            String page = PAGES.get(turn++ % PAGES.size());
            String path = switch (page) {
                case "watchlists" -> "/watchlists";
                case "watchlist" -> "/watchlists/" + seeded.list();
                case "company" ->
                    "/companies/BE/"
                            + seeded.watched()
                                    .get(random.nextInt(seeded.watched().size()));
                default -> "/alerts";
            };
            long start = System.nanoTime();
            try {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                double took = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200) {
                    errors.get(page)
                            .add(path + " answered " + answer.statusCode() + " "
                                    + answer.headers().firstValue("Location").orElse(""));
                } else if (answer.body().contains("name=\"password\"")) {
                    errors.get(page).add(path + " answered the sign-in page");
                } else {
                    millis.get(page).add(took);
                }
            } catch (IOException e) {
                errors.get(page).add(path + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(500 + random.nextInt(1_000));
        }
    }

    private static HttpClient signIn(String base, String email) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException(email + ": no CSRF token on the sign-in page (" + login.statusCode() + ")");
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("login")) {
            throw new IllegalStateException(email + ": sign-in answered " + signedIn.statusCode() + " " + location);
        }
        return client;
    }

    /** Uploads an extract through the API and waits for its run to finish; answers the run's time in seconds. */
    private static double ingest(HttpClient http, String base, String source, String name, byte[] content)
            throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // forced: the bench's KBO Updates come without the Full extract that would precede them
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"force\"\r\n\r\ntrue\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/feeds/" + source + "/extracts"))
                        .header("Authorization", "Bearer " + PLATFORM_KEY)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(source + " upload: " + accepted.statusCode() + " " + accepted.body());
        }
        Matcher id = ID.matcher(accepted.body());
        id.find();
        while (true) {
            HttpResponse<String> run = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/feeds/runs/" + id.group(1)))
                            .header("Authorization", "Bearer " + PLATFORM_KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(run.body());
            if (status.find() && !List.of("RUNNING", "PENDING", "QUEUED").contains(status.group(1))) {
                if (!"COMPLETED".equals(status.group(1))) {
                    throw new IllegalStateException(source + " run: " + run.body());
                }
                double took = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %s %s: %.1f s (upload to finished)%n", source, name, took);
                return took;
            }
            pause(500);
        }
    }

    /** The watched companies in KBO: first seen (all active), then again with a new name, a fifth of them bankrupt. */
    private static byte[] kboUpdate(List<String> numbers, boolean seenBefore) {
        KboUpdates.Enterprise[] enterprises = new KboUpdates.Enterprise[numbers.size()];
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            enterprises[i] = seenBefore
                    ? new KboUpdates.Enterprise(number, "Renamed " + number, i % 5 == 0 ? "050" : "000", true)
                    : new KboUpdates.Enterprise(number, "Bench " + number, "000", false);
        }
        return KboUpdates.update(DateTimeFormatter.ofPattern("dd-MM-yyyy").format(LocalDate.now()), enterprises);
    }

    private static byte[] bureauSnapshot(int version) {
        StringBuilder lines = new StringBuilder();
        LocalDate asOf = LocalDate.now().minusDays(version == 0 ? 2 : 1);
        for (int i = 0; i < BUREAU_COMPANIES; i++) {
            lines.append(BureauLines.line(i, asOf, version)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Process startNode(
            Path jar, Path work, String jdbcUrl, SmtpServer smtp, int nodes, int node, int port) throws IOException {
        // one working directory for all nodes: with the local file store, their files are shared as on one volume
        Path dir = Files.createDirectories(work.resolve("nodes"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        jar.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(work, nodes, node).toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("VIGIL_") || name.startsWith("SPRING_"));
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", String.valueOf(smtp.port()));
        environment.put("VIGIL_BOOTSTRAP_API_KEY", PLATFORM_KEY);
        environment.put("VIGIL_DEMO_SEED", "false");
        environment.put("VIGIL_BASE_URL", "http://127.0.0.1");
        environment.put("VIGIL_WATCHDOG_NODE_NAME", "bench-node-" + node);
        environment.put("LOGGING_LEVEL_ROOT", "WARN");
        return builder.start();
    }

    /** Where node {@code node} of the run with {@code nodes} nodes writes its log. */
    private static Path log(Path work, int nodes, int node) {
        return work.resolve("run-" + nodes + "-node-" + node + ".log");
    }

    private static void awaitReady(HttpClient http, URI node, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("A node stopped; its log: " + log);
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(node.resolve("/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            pause(1_000);
        }
        throw new IllegalStateException("A node did not get ready in 5 minutes; its log: " + log);
    }

    private static void print(List<Result> results, int users, int seconds, int entries) {
        System.out.printf(
                "%nCluster load run: %d signed-in users, %d s, %,d watched entries, a KBO Update of %,d and a bureau"
                        + " snapshot of %,d ingested meanwhile%n",
                users, seconds, entries, KBO_CHANGED, BUREAU_COMPANIES);
        StringBuilder header = new StringBuilder("| page |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Result result : results) {
            header.append(" ").append(result.nodes()).append(" node(s): loads, errors, median, p95 (ms) |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (String page : PAGES) {
            StringBuilder row = new StringBuilder("| " + page + " |");
            for (Result result : results) {
                PageFigures f = result.pages().get(page);
                row.append(" %,d, %d, %.0f, **%.0f** |".formatted(f.loads(), f.errors(), f.median(), f.p95()));
            }
            System.out.println(row);
        }
        for (Result result : results) {
            System.out.printf(
                    "%d node(s): sign-in errors %d; KBO Update %.1f s, bureau snapshot %.1f s (upload to finished);"
                            + " load average during the run %s%n",
                    result.nodes(), result.signInErrors(), result.kboSeconds(), result.bureauSeconds(), result.load());
            result.errorSamples().forEach(sample -> System.out.println("  error: " + sample));
        }
        System.out.println("load after: " + loadAverage());
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("vigil-[^/]*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(plain|sources|javadoc)\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar: run ./mvnw -DskipTests package"))
                    .toAbsolutePath();
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
