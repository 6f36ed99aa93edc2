package eu.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Vigil runs on its own PostgreSQL, which is stopped while a French-speaking person is signed in, then
 * started again. While it is down, pages answer within seconds with a 503 in French and readiness says
 * DOWN; when it is back, everything works again without a restart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vigil.embedded.smtp-port=0",
            "vigil.demo.seed=false",
            "vigil.tenancy.bootstrap.admin-email=" + DatabaseOutageTests.ADMIN,
            "vigil.tenancy.bootstrap.admin-password=" + DatabaseOutageTests.PASSWORD,
            "spring.quartz.properties.org.quartz.scheduler.instanceName=vigil-outage-test",
            "vigil.feeds.inbox=target/test-data/outage-inbox",
            "vigil.feeds.uploads=target/test-data/outage-uploads"
        })
class DatabaseOutageTests {

    static final String ADMIN = "outage-admin@vigil.test";
    static final String PASSWORD = "a long enough outage passphrase";

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;

    @LocalServerPort
    int serverPort;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("vigil-outage-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = start();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownPagesSayTemporarilyUnavailableInTheReadersLanguageAndVigilRecoversByItself()
            throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> signedIn =
                post(browser, "/login", "/login", "email=" + encode(ADMIN) + "&password=" + encode(PASSWORD));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        post(browser, "/profile", "/profile", "displayName=Ops&language=fr&timeZone=Europe%2FParis");
        assertThat(get(browser, "/").statusCode()).isEqualTo(200);
        assertThat(get(browser, "/actuator/health/readiness").statusCode()).isEqualTo(200);

        postgres.close();
        try {
            long start = System.nanoTime();
            HttpResponse<String> down = get(browser, "/");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("id=\"error-unavailable\"").contains("temporairement indisponible");
            assertThat(took).as("fails fast").isLessThan(Duration.ofSeconds(10));
            HttpResponse<String> again = get(browser, "/");
            assertThat(again.statusCode()).isEqualTo(503);
            assertThat(get(browser, "/actuator/health/readiness").statusCode())
                    .as("not ready without its database")
                    .isEqualTo(503);
        } finally {
            postgres = start();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(browser, "/").statusCode()).isEqualTo(200));
        assertThat(get(browser, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                        .header("Accept", path.startsWith("/actuator") ? "application/json" : "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String formPage, String path, String form) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get(browser, formPage).body());
        assertThat(csrf.find()).as("a form on " + formPage).isTrue();
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
