package eu.vigil.feed.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.FeedMessage;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vigil fetches the bureau's files itself, from an SFTP folder (a local SSH server) or an HTTPS address (a local web
 * server): each new file is applied as a run, once, in name order, as if it had been dropped in the inbox; a refused
 * password is a clear state, not a retry loop.
 */
@VigilTest
class FileDropConnectionTests {

    @Autowired
    MessageSource messages;

    @Autowired
    FeedConnections connections;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    private SshServer sftp;
    private final List<ConnectionRunner> opened = new ArrayList<>();
    private long startRun;

    @BeforeEach
    void sftpServer() throws IOException {
        jdbc.update("delete from feed_connection where source = 'bureau'");
        startRun = jdbc.queryForObject("select coalesce(max(id), 0) from feed_run", Long.class);
        Files.createDirectories(root.resolve("outgoing"));
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host.key")));
        sftp.setPasswordAuthenticator((user, password, session) -> "vigil".equals(user) && "pw".equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sftp.start();
    }

    @AfterEach
    void stopAll() throws IOException {
        opened.forEach(r -> connections.close(r, false));
        sftp.stop(true);
    }

    @Test
    void theFilesAfterTheLastAppliedAreFetchedFromTheSftpFolderInNameOrderAndAppliedOnce() throws IOException {
        String first = FeedLines.belgianNumber();
        String second = FeedLines.belgianNumber();
        drop("monitoring-2026-12-01.jsonl", line(first, "2026-12-01", "BBB"));
        drop("monitoring-2026-12-02.jsonl", line(first, "2026-12-02", "B") + "\n" + line(second, "2026-12-02", "A"));
        drop("readme.txt", "not a feed file");

        openSftp("pw");

        Wait.until("both files applied", () -> "monitoring-2026-12-02.jsonl".equals(state().position()));
        assertThat(runs()).containsExactly("monitoring-2026-12-01.jsonl", "monitoring-2026-12-02.jsonl");
        assertThat(codes(first)).contains("RATING_DOWNGRADED");

        drop("monitoring-2026-12-03.jsonl", line(second, "2026-12-03", "BB"));
        Wait.until("the new file applied", () -> "monitoring-2026-12-03.jsonl".equals(state().position()));
        assertThat(runs())
                .as("a later poll takes only the new file")
                .containsExactly(
                        "monitoring-2026-12-01.jsonl", "monitoring-2026-12-02.jsonl", "monitoring-2026-12-03.jsonl");
    }

    @Test
    void aRefusedSftpPasswordIsAClearStateAndNotARetryLoop() {
        openSftp("wrong");

        ConnectionState state = Wait.until("the refusal recorded", this::state, s -> s.failures() > 0);
        assertThat(english(state.lastError()))
                .isEqualTo("The SFTP server 127.0.0.1:" + sftp.getPort()
                        + " refused the bureau account: check the password in the environment variable "
                        + "VIGIL_BUREAU_PASSWORD.");
        assertThat(state.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
    }

    @Test
    void aFileAtAnHttpsAddressIsAppliedWhenItsContentChangesOnly() throws IOException {
        String number = FeedLines.belgianNumber();
        AtomicReference<String> content = new AtomicReference<>(line(number, "2026-12-01", "A"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> served = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/monitoring.jsonl", exchange -> {
            byte[] body = content.get().getBytes(StandardCharsets.UTF_8);
            served.add(content.get());
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/monitoring.jsonl");
            opened.add(connections.open(
                    new HttpsFile("bureau", HttpClient.newHttpClient(), url, null, null, null),
                    "files",
                    Duration.ofMillis(200),
                    "instance-a",
                    CompaniesHouseStreamConnectionTests.settings()));
            Wait.until("the file applied", () -> runs().size() == 1);
            int fetched = served.size();
            Wait.until("fetched again, unchanged", () -> served.size() >= fetched + 2);
            assertThat(runs()).as("the same content is not applied again").hasSize(1);

            content.set(line(number, "2026-12-02", "CCC"));
            Wait.until("the changed file applied", () -> runs().size() == 2);
            assertThat(codes(number)).contains("RATING_DOWNGRADED");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFileServerAnswering304ToTheLastETagAndDateIsNeitherDownloadedNorApplied() throws IOException {
        String number = FeedLines.belgianNumber();
        AtomicReference<String> content = new AtomicReference<>(line(number, "2026-12-01", "A"));
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        String modified = "Mon, 07 Dec 2026 06:00:00 GMT";
        List<String> bodiesSent = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> conditions = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/monitoring.jsonl", exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(ifNoneMatch + " | " + exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            exchange.getResponseHeaders().add("ETag", etag.get());
            exchange.getResponseHeaders().add("Last-Modified", modified);
            if (etag.get().equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = content.get().getBytes(StandardCharsets.UTF_8);
                bodiesSent.add(content.get());
                exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/monitoring.jsonl");
            opened.add(connections.open(
                    new HttpsFile("bureau", HttpClient.newHttpClient(), url, null, null, null),
                    "files",
                    Duration.ofMillis(200),
                    "instance-a",
                    CompaniesHouseStreamConnectionTests.settings()));
            Wait.until("the file applied", () -> runs().size() == 1);
            Wait.until(
                    "asked twice more with its ETag and date",
                    () -> conditions.stream()
                                    .filter(c -> c.equals("\"v1\" | " + modified))
                                    .count()
                            >= 2);
            assertThat(bodiesSent).as("a 304 sends no body").hasSize(1);
            assertThat(runs()).as("a 304 applies nothing").hasSize(1);
            assertThat(state().failures()).isZero();
            assertThat(state().lastSuccessAt()).isNotNull();

            content.set(line(number, "2026-12-02", "CCC"));
            etag.set("\"v2\"");
            Wait.until("the changed file applied", () -> runs().size() == 2);
            assertThat(bodiesSent).hasSize(2);
            assertThat(codes(number)).contains("RATING_DOWNGRADED");
        } finally {
            server.stop(0);
        }
    }

    private void openSftp(String password) {
        URI url = URI.create("sftp://vigil@127.0.0.1:" + sftp.getPort() + "/outgoing");
        opened.add(connections.open(
                new SftpFolder("bureau", url, password, null, "VIGIL_BUREAU_PASSWORD"),
                "files",
                Duration.ofMillis(300),
                "instance-a",
                CompaniesHouseStreamConnectionTests.settings()));
    }

    private void drop(String name, String text) throws IOException {
        Files.writeString(root.resolve("outgoing").resolve(name), text + "\n");
    }

    private static String line(String number, String asOf, String rating) {
        return "{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + asOf
                + "\",\"bureau\":\"demo\",\"rating\":\"" + rating + "\",\"risk_class\":2}";
    }

    private ConnectionState state() {
        return connections.states().stream()
                .filter(s -> s.source().equals("bureau"))
                .findFirst()
                .orElseThrow();
    }

    private List<String> runs() {
        return jdbc.queryForList(
                "select file_name from feed_run where id > ? and source = 'bureau' and status = 'COMPLETED' order by id",
                String.class,
                startRun);
    }

    private List<String> codes(String number) {
        return jdbc.queryForList("""
                select e.code from signal_event e join company c on c.id = e.company_id
                where c.country = 'BE' and c.number = ? order by e.id""", String.class, number);
    }

    /** What the platform admin reads in English, from the code and arguments kept. */
    private String english(FeedMessage message) {
        return messages.getMessage(message, Locale.ENGLISH);
    }
}
