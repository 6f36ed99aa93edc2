package eu.vigil;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import eu.vigil.alerting.KboUpdates;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.RoundRobinProxy;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Vigil scaled out: two full instances, each a JVM of its own, on one PostgreSQL and one S3-compatible object store
 * (S3Proxy, the real S3 protocol over HTTP), behind a proxy that sends every request to the other node. A credit
 * manager signs in, uploads a watchlist, previews it, imports it watching its progress, reads the result,
 * acknowledges an alert and signs out, every click on the other node. Then she imports a large file and the node
 * running the import is killed (SIGKILL) halfway: the other node takes the import up from the stored file and
 * completes it, every row once, and she is still signed in. Between the two, an extract dropped into the object
 * store's feed inbox is applied once, by one of the nodes.
 */
@Tag("instances")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

    private static final Duration NODE_START = Duration.ofMinutes(3);
    private static final Duration TAKE_OVER = Duration.ofMinutes(3);
    private static final String BUCKET = "vigil-files";
    private static final String S3_KEY = "vigil";
    private static final String S3_SECRET = "vigil-secret-key";
    private static final String PASSWORD = "correct horse battery staple";
    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    /** Enterprise numbers from 0750.000.000 upward are this test's. */
    private static final AtomicLong NEXT_NUMBER = new AtomicLong(7_500_000);

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static Process s3proxy;
    private static int s3Port;
    private static final List<Node> nodes = new ArrayList<>();
    private static RoundRobinProxy proxy;
    private static Playwright playwright;
    private static Browser browser;
    private static BrowserContext context;
    private static Page page;
    private static JdbcTemplate jdbc;
    private static S3Client s3;
    private static String email;
    private static UUID tenant;
    private static List<String> known;

    private record Node(String name, int port, Process process) {}

    @BeforeAll
    static void startDatabaseObjectStoreAndTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        startObjectStore();
        seed();
        nodes.add(startNode("node-a"));
        nodes.add(startNode("node-b"));
        for (Node node : nodes) {
            awaitReady(node);
        }
        proxy = RoundRobinProxy.start(nodes.stream()
                .map(n -> URI.create("http://127.0.0.1:" + n.port()))
                .toList());
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"));
        Path chromium = Path.of(System.getProperty("vigil.test.chromium", "/usr/bin/chromium"));
        if (Files.isExecutable(chromium)) {
            options.setExecutablePath(chromium);
        }
        browser = playwright.chromium().launch(options);
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(proxy.uri().toString())
                .setLocale("en-GB"));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        for (Node node : nodes) {
            node.process().destroy();
        }
        for (Node node : nodes) {
            try {
                if (!node.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (s3 != null) {
            s3.close();
        }
        if (s3proxy != null) {
            s3proxy.destroyForcibly();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void everyClickOnTheOtherNodeSignInUploadPreviewImportReadAcknowledgeSignOut() {
        signIn();
        int signedIn = proxy.servedBy().size();

        page.navigate("/watchlists");
        page.locator("#watchlist-name").fill("Clients across nodes");
        page.locator("#create-watchlist").click();
        page.locator("#upload-link").click();
        int rows = 60_000;
        page.locator("#upload-file").setInputFiles(new FilePayload("clients.csv", "text/csv", csv(rows, known)));
        page.locator("#upload-preview").click();

        assertThat(page.locator("#col-number")).hasValue("0");
        assertThat(page.locator("#preview-table")).containsText("BE " + display(known.getFirst()));
        String key = storedKey(importId());
        assertThat(objectKeys()).as("the upload waits in the object store").contains(key);

        page.locator("#start-import").click();
        String progress = Wait.until(
                "the import's progress on the page, polled from either node",
                () -> page.locator("#import-running").textContent(),
                text -> text.matches("(?s).*[1-9][0-9,. \u202f]*.*"));
        assertThat(progress).isNotBlank();
        page.locator("#import-result").waitFor();
        assertThat(page.locator("#group-accepted")).containsText(display(known.getFirst()));
        Map<String, Object> done = jdbc.queryForMap(
                "select status, rows_total, accepted + pending as entries, attempts from watchlist_import where id = ?",
                UUID.fromString(importId()));
        assertThat(done).containsEntry("status", "DONE").containsEntry("rows_total", rows);
        assertThat(((Number) done.get("entries")).intValue()).isEqualTo(rows);
        assertThat(objectKeys()).as("the imported file is gone from the store").doesNotContain(key);

        page.navigate("/alerts");
        page.locator(".alert-row input[name=ids]").first().check();
        page.locator("#bulk-acknowledge").click();
        assertThat(page.locator(".alert-row").first()).hasAttribute("data-state", "acknowledged");

        page.locator("#nav-logout").click();
        page.waitForURL(url -> url.contains("/login"));
        page.navigate("/alerts");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));

        List<Integer> served = proxy.servedBy();
        long first = served.stream().filter(n -> n == 0).count();
        long second = served.size() - first;
        assertThat(served.size() - signedIn).as("requests after signing in").isGreaterThan(20);
        assertThat(Math.abs(first - second))
                .as("every request went to the next node in turn: " + first + " and " + second)
                .isLessThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void anExtractDroppedIntoTheObjectStoreIsAppliedOnceByOneOfTheNodes() throws Exception {
        String number = number();
        String name = "snapshot-" + UUID.randomUUID() + ".jsonl";
        Path extract = Files.createTempFile("snapshot", ".jsonl");
        Files.writeString(
                extract,
                "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"2026-10-01\",\"rating\":\"A\"}\n");
        s3.putObject(b -> b.bucket(BUCKET).key("feed-inbox/bureau/" + name), extract);

        Wait.until("the extract moved to done/ by a node", TAKE_OVER, () -> {
            List<String> keys = objectKeys();
            return keys.contains("feed-inbox/bureau/done/" + name) && !keys.contains("feed-inbox/bureau/" + name);
        });
        assertThat(jdbc.queryForList(
                        "select status from feed_run where file_name = ? and triggered_by = 'inbox'",
                        String.class,
                        name))
                .as("one run, on one node")
                .containsExactly("COMPLETED");
        assertThat(count("select count(*) from company where number = ?", number))
                .isOne();
    }

    @Test
    @Order(3)
    void aNodeKilledHalfwayThroughAnImportLeavesItToTheOtherWhichCompletesItAndNobodyIsSignedOut() throws Exception {
        signIn();
        page.navigate("/watchlists");
        page.locator("#watchlist-name").fill("Clients through a crash");
        page.locator("#create-watchlist").click();
        page.locator("#upload-link").click();
        int rows = 200_000;
        page.locator("#upload-file").setInputFiles(new FilePayload("big.csv", "text/csv", csv(rows, known)));
        page.locator("#upload-preview").click();
        assertThat(page.locator("#col-number")).hasValue("0");
        UUID upload = UUID.fromString(importId());
        page.locator("#start-import").click();

        String owner = Wait.until(
                        "the import reading rows on a node",
                        () -> jdbc.queryForList("""
                        select i.owner_node from watchlist_import i join watchlist_import_progress p on p.import_id = i.id
                        where i.id = ? and i.status = 'RUNNING' and p.rows_read > 1000""", String.class, upload),
                        owners -> !owners.isEmpty())
                .getFirst();
        Node victim =
                nodes.stream().filter(n -> n.name().equals(owner)).findFirst().orElseThrow();
        victim.process().destroyForcibly().waitFor();
        assertThat(count("select count(*) from watchlist_entry where import_id = ?", upload))
                .as("nothing of the killed node's import is in the list")
                .isZero();

        page.locator("#import-result")
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(TAKE_OVER.toMillis()));
        Map<String, Object> done = jdbc.queryForMap(
                "select status, rows_total, duplicates, owner_node, attempts from watchlist_import where id = ?",
                upload);
        assertThat(done)
                .containsEntry("status", "DONE")
                .containsEntry("rows_total", rows)
                .containsEntry("duplicates", 0)
                .containsEntry("attempts", 2);
        assertThat(done.get("owner_node")).isNotEqualTo(owner);
        assertThat(count("select count(*) from watchlist_entry where import_id = ?", upload))
                .as("every row once")
                .isEqualTo(rows);
        assertThat(count(
                        "select count(*) from (select country, number from watchlist_entry where import_id = ? "
                                + "group by country, number having count(*) > 1) twice",
                        upload))
                .isZero();

        page.navigate("/alerts");
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        assertThat(page.locator("#nav-logout")).isVisible();
    }

    // ---------------------------------------------------------------- the world

    private static void signIn() {
        page.navigate("/login");
        page.getByLabel("Email address").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("#sign-in").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private static String importId() {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("/imports/([0-9a-f-]{36})").matcher(page.url());
        assertThat(m.find()).as(page.url()).isTrue();
        return m.group(1);
    }

    private static String storedKey(String importId) {
        return jdbc.queryForObject(
                "select stored_file from watchlist_import where id = ?", String.class, UUID.fromString(importId));
    }

    private static List<String> objectKeys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private static long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String number() {
        long first8 = NEXT_NUMBER.incrementAndGet();
        return "%08d%02d".formatted(first8, 97 - first8 % 97);
    }

    private static String display(String number) {
        return number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
    }

    /** A CSV of {@code rows} rows: the known companies first, then numbers Vigil does not know yet. */
    private static byte[] csv(int rows, List<String> knownNumbers) {
        StringBuilder csv = new StringBuilder("Number;Reference\r\n");
        for (int i = 0; i < rows; i++) {
            String number = i < knownNumbers.size() ? knownNumbers.get(i) : number();
            csv.append(display(number)).append(";C-").append(i).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * In an instance of its own, closed before the nodes start: the registry's companies, a tenant whose credit manager
     * watches one that then goes bankrupt (an alert in her inbox).
     */
    private static void seed() {
        try (ConfigurableApplicationContext seeder =
                new SpringApplicationBuilder(VigilApplication.class).run(arguments("seeder", 0))) {
            known = List.of(number(), number(), number());
            ingest(seeder, known, "000");
            TenantManagement tenancy = seeder.getBean(TenantManagement.class);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            email = "credit-" + suffix + "@scale.test";
            tenant = TenantContext.callAsPlatform(
                    () -> tenancy.createTenantWithoutInvitation("Scale " + suffix, Language.EN));
            TenantContext.callAsPlatform(() ->
                    tenancy.createActiveUser(tenant, email, "Credit", Role.CREDIT_MANAGER, Language.EN, PASSWORD));
            WatchlistManagement watchlists = seeder.getBean(WatchlistManagement.class);
            String bankrupt = number();
            ingest(seeder, List.of(bankrupt), "000");
            TenantContext.runAs(tenant, () -> {
                UUID list = watchlists.create("Watched").id();
                watchlists.add(list, bankrupt, new EntryData(null, null, null, null, null, List.of()));
            });
            ingest(seeder, List.of(bankrupt), "050");
            JdbcTemplate seeded = seeder.getBean(JdbcTemplate.class);
            Wait.until(
                    "an alert for the tenant",
                    () -> seeded.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, tenant)
                            > 0);
        }
    }

    private static void ingest(ConfigurableApplicationContext app, List<String> numbers, String situation) {
        KboUpdates.Enterprise[] enterprises = numbers.stream()
                .map(n -> new KboUpdates.Enterprise(n, "Schaal " + n, situation, !"000".equals(situation)))
                .toArray(KboUpdates.Enterprise[]::new);
        RunView run = app.getBean(FeedIngestion.class)
                .ingestNow(
                        "kbo",
                        new ByteArrayInputStream(KboUpdates.update(KBO_DATE.format(LocalDate.now()), enterprises)),
                        "scale-" + UUID.randomUUID() + ".zip",
                        true,
                        "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    private static String[] arguments(String name, int port) {
        String work = "target/scale-out/" + name;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("server.port", String.valueOf(port));
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        properties.put("spring.quartz.scheduler-name", "scale-out");
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceId", name);
        properties.put("vigil.demo.seed", "false");
        properties.put("vigil.feeds.inbox", work + "/inbox");
        properties.put("vigil.feeds.uploads", work + "/uploads");
        properties.put("vigil.alerts.instance", name);
        properties.put("vigil.alerts.group-window", "0s");
        properties.put("vigil.watchdog.node-name", name);
        properties.put("vigil.watchdog.interval", "1s");
        properties.put("vigil.watchdog.node-timeout", "5s");
        properties.put("vigil.watchlists.resume-interval", "1s");
        properties.put("vigil.feeds.inbox-interval", "2s");
        properties.put("vigil.storage.type", "s3");
        properties.put("vigil.storage.s3.endpoint", "http://127.0.0.1:" + s3Port);
        properties.put("vigil.storage.s3.bucket", BUCKET);
        properties.put("vigil.storage.s3.access-key", S3_KEY);
        properties.put("vigil.storage.s3.secret-key", S3_SECRET);
        properties.put("vigil.storage.s3.create-bucket", "true");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.eu.vigil.watchlist", "INFO");
        return properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
    }

    private static Node startNode(String name) throws IOException {
        int port = freePort();
        Path log = Path.of("target/scale-out/" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                VigilApplication.class.getName()));
        command.addAll(List.of(arguments(name, port)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Node(name, port, process);
    }

    private static void awaitReady(Node node) {
        HttpClient client = HttpClient.newHttpClient();
        Wait.until(
                "node " + node.name() + " answering (log: target/scale-out/" + node.name() + ".log)",
                NODE_START,
                () -> {
                    if (!node.process().isAlive()) {
                        throw new IllegalStateException(
                                "node " + node.name() + " stopped: see target/scale-out/" + node.name() + ".log");
                    }
                    try {
                        HttpResponse<Void> response = client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/login"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        return response.statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                });
    }

    /** S3Proxy with its in-memory store, in a JVM of its own (its Jetty 11 would clash with Vigil's Tomcat). */
    private static void startObjectStore() throws IOException {
        s3Port = freePort();
        Path jar = Path.of(System.getProperty(
                "vigil.test.s3proxy",
                Path.of(
                                System.getProperty("user.home"),
                                ".m2/repository/org/gaul/s3proxy/2.6.0/s3proxy-2.6.0-jar-with-dependencies.jar")
                        .toString()));
        assertThat(jar).as("S3Proxy's jar (./mvnw verify copies it)").exists();
        Path conf = Path.of("target/scale-out/s3proxy.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, """
                s3proxy.endpoint=http://127.0.0.1:%d
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=transient
                jclouds.identity=%s
                jclouds.credential=%s
                """.formatted(s3Port, S3_KEY, S3_SECRET, S3_KEY, S3_SECRET));
        s3proxy = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/scale-out/s3proxy.log").toFile())
                .start();
        Wait.until("S3Proxy listening", Duration.ofSeconds(60), () -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s3Port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3_KEY, S3_SECRET)))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
