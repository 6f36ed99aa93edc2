package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.vigil.support.Wait;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar the build packages, started as Compose starts it: in an empty working directory (no {@code config/}), with
 * nothing but environment variables, those the README's cluster section exports among them. Then the README's own
 * readiness wait and provisioning {@code curl} run as written (only the address differs), and each setting shows its
 * effect: the bootstrap key provisions a tenant, the bootstrap admin signs in, the invitation's link starts with the
 * base URL, the demo tenant is seeded without its world, the trusted proxy's X-Forwarded-Proto is believed, the logs
 * are ECS JSON, the database is the one configured and JAVA_TOOL_OPTIONS reaches the JVM.
 */
@Tag("instances")
@DisabledOnOs(
        value = OS.WINDOWS,
        disabledReason =
                "it runs the README's cluster commands as written, and they are bash (export, $(openssl ...), until ... curl), which Windows does not have; the cluster they start runs on Linux containers")
class PackagedJarEnvironmentTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String BASE_URL = "https://vigil.example.test";

    @Test
    void eachSettingTheReadmeAndComposeNameReachesThePackagedApplicationFromTheEnvironmentAlone(@TempDir Path dir)
            throws Exception {
        Path jar = packagedJar();
        List<String> readme = readmeClusterCommands();
        Map<String, String> exported = exported(readme, dir);
        assertThat(exported)
                .containsKeys(
                        "VIGIL_DB_PASSWORD",
                        "VIGIL_BOOTSTRAP_API_KEY",
                        "VIGIL_ADMIN_EMAIL",
                        "VIGIL_ADMIN_PASSWORD",
                        "VIGIL_STORAGE_S3_ACCESS_KEY",
                        "VIGIL_STORAGE_S3_SECRET_KEY");

        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Path work = Files.createDirectories(dir.resolve("work"));
        Path log = dir.resolve("vigil.log");
        int port = freePort();
        Process vigil = null;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database vigil");
            }
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx640m",
                            "-jar",
                            jar.toAbsolutePath().toString())
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.putAll(exported);
            environment.put("SERVER_PORT", String.valueOf(port));
            environment.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "vigil"));
            environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
            environment.put("SPRING_DATASOURCE_PASSWORD", exported.get("VIGIL_DB_PASSWORD"));
            environment.put("SPRING_MAIL_HOST", "127.0.0.1");
            environment.put("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()));
            environment.put("VIGIL_BASE_URL", BASE_URL);
            // Compose leaves the demo out; here it is asked for, without its world, so that both variables show
            environment.put("VIGIL_DEMO_SEED", "true");
            environment.put("VIGIL_DEMO_WORLD", "false");
            environment.put("VIGIL_TRUSTED_PROXIES", "127\\.0\\.0\\.1");
            environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            environment.put("JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError");
            vigil = builder.start();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            Process started = vigil;
            Wait.until("the packaged Vigil ready (log: " + log + ")", Duration.ofMinutes(4), () -> {
                assertThat(started.isAlive())
                        .as("Vigil runs; its log:\n" + read(log))
                        .isTrue();
                return status(http, base + "/actuator/health/readiness") == 200;
            });

            // the README's commands, as written but for the address
            String provisioning = bash(
                    dir,
                    exported,
                    readme.stream()
                            .filter(line ->
                                    line.startsWith("until ") || line.startsWith("curl ") || line.startsWith(" "))
                            .map(line -> line.replace("http://localhost:8080", base))
                            .toList());
            assertThat(provisioning)
                    .as("the bootstrap key provisions the first tenant")
                    .contains("\"apiKey\"");
            assertThat(status(http, base + "/api/v1/admin/tenants"))
                    .as("without the key")
                    .isEqualTo(401);

            String invitation = Wait.until(
                    "the invitation to the tenant's admin",
                    () -> Arrays.stream(smtp.getReceivedMessages())
                            .filter(m -> recipients(m).contains("cfo@acme.example"))
                            .map(PackagedJarEnvironmentTests::text)
                            .findFirst()
                            .orElse(""),
                    text -> !text.isEmpty());
            assertThat(invitation).as("VIGIL_BASE_URL starts the link").contains(BASE_URL + "/invitation/");

            assertThat(signIn(http, base, exported.get("VIGIL_ADMIN_EMAIL"), exported.get("VIGIL_ADMIN_PASSWORD")))
                    .as("the bootstrap admin signs in")
                    .isEqualTo("/");

            HttpResponse<String> tenants = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/tenants"))
                            .header("Authorization", "Bearer " + exported.get("VIGIL_BOOTSTRAP_API_KEY"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tenants.body()).as("VIGIL_DEMO_SEED=true").contains("Demo Trading NV");
            try (Connection connection =
                            postgres.getDatabase("postgres", "vigil").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet companies = statement.executeQuery("select count(*) from company")) {
                companies.next();
                assertThat(companies.getLong(1))
                        .as("VIGIL_DEMO_WORLD=false: no demo world in the registry")
                        .isZero();
            }

            HttpResponse<Void> forwarded = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("X-Forwarded-Proto", "https")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(forwarded.headers().allValues("Set-Cookie"))
                    .as(
                            "from a trusted proxy (VIGIL_TRUSTED_PROXIES), X-Forwarded-Proto https makes the session secure")
                    .anyMatch(cookie -> cookie.startsWith("SESSION=") && cookie.contains("Secure"));

            String output = read(log);
            assertThat(output).contains("Picked up JAVA_TOOL_OPTIONS: -XX:+ExitOnOutOfMemoryError");
            assertThat(output.lines().filter(line -> line.contains("Started VigilApplication")))
                    .as("LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs")
                    .singleElement()
                    .satisfies(line -> assertThat(line).startsWith("{").contains("\"ecs\""));
            assertThat(work.resolve("data/postgres"))
                    .as("the configured database, not an embedded one")
                    .doesNotExist();
            try (Stream<Path> files = Files.list(work)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no config/ folder was there to be read")
                        .doesNotContain("config");
            }
        } finally {
            if (vigil != null) {
                vigil.destroy();
                if (!vigil.waitFor(60, TimeUnit.SECONDS)) {
                    vigil.destroyForcibly();
                }
            }
            smtp.stop();
        }
    }

    /** The jar {@code ./mvnw package} built (failsafe runs after the package phase). */
    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("vigil-[^/]*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(plain|sources|javadoc)\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No packaged jar in target/: run ./mvnw verify"));
        }
    }

    /** The lines of the bash block in the README's section "Run it as a cluster". */
    private static List<String> readmeClusterCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("## Run it as a cluster[^\\n]*\\n.*?```bash\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find())
                .as("the README's cluster section has its commands")
                .isTrue();
        return block.group(1).lines().toList();
    }

    /** Runs the README's export lines in bash and answers what they exported. */
    private static Map<String, String> exported(List<String> readme, Path dir) throws Exception {
        List<String> script = new ArrayList<>(
                readme.stream().filter(line -> line.startsWith("export ")).toList());
        script.add("env | grep '^VIGIL_'");
        Map<String, String> variables = new LinkedHashMap<>();
        bash(dir, Map.of(), script).lines().forEach(line -> {
            int equals = line.indexOf('=');
            variables.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return variables;
    }

    private static String bash(Path dir, Map<String, String> environment, List<String> lines) throws Exception {
        Path output = dir.resolve("bash-" + System.nanoTime() + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", String.join("\n", lines))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VIGIL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("bash finished").isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue())
                .as("bash:\n" + String.join("\n", lines) + "\n->\n" + text)
                .isZero();
        return text;
    }

    /** Signs in through the form; answers where the sign-in sends the browser. */
    private static String signIn(HttpClient http, String base, String email, String password) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().firstValue("Location").orElse("");
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static List<String> recipients(Message message) {
        try {
            return message.getAllRecipients() == null
                    ? List.of()
                    : Arrays.stream(message.getAllRecipients())
                            .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                            .toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) {
        try {
            if (part.isMimeType("text/*")) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
