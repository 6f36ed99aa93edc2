package eu.vigil.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.VigilApplication;
import eu.vigil.support.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil started as a developer starts it (embedded PostgreSQL, captured mail) in a JVM of its own, then stopped with
 * SIGTERM, as Ctrl-C or a service manager stops it: the stop is clean, in order, and leaves no PostgreSQL behind.
 */
@Tag("instances")
@DisabledOnOs(
        value = OS.WINDOWS,
        disabledReason =
                "Windows has no SIGTERM: Java ends a process there without running its shutdown hooks, so a graceful stop cannot be sent or observed; Ctrl-C in a console is the Windows equivalent and is not scriptable from a test")
class CleanStopTests {

    @Test
    void aSigtermStopsTheApplicationThenItsEmbeddedPostgresWithoutAWarningOrAStackTrace(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("vigil.log");
        Path data = dir.resolve("postgres");
        int smtp;
        try (var socket = new java.net.ServerSocket(0)) {
            smtp = socket.getLocalPort();
        }
        Process vigil = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        VigilApplication.class.getName(),
                        "--server.port=0",
                        "--vigil.embedded.postgres-dir=" + data,
                        "--vigil.embedded.smtp-port=" + smtp,
                        "--vigil.demo.world=false",
                        "--vigil.feeds.inbox=" + dir.resolve("inbox"),
                        "--vigil.feeds.uploads=" + dir.resolve("uploads"),
                        "--vigil.storage.local.root=" + dir.resolve("files"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Wait.until("Vigil started (see " + log + ")", Duration.ofMinutes(4), () -> {
                assertThat(vigil.isAlive())
                        .as("Vigil is running; its log:\n" + read(log))
                        .isTrue();
                return read(log).contains("Started VigilApplication");
            });
            assertThat(Files.exists(data.resolve("postmaster.pid")))
                    .as("the embedded PostgreSQL runs")
                    .isTrue();
            // "Started" is logged before the start-up runners (bootstrap, demo data) are done: stop it once it is ready
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)")
                    .matcher(read(log));
            assertThat(port.find()).as("the port is logged").isTrue();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI readiness =
                    java.net.URI.create("http://localhost:" + port.group(1) + "/actuator/health/readiness");
            Wait.until("Vigil ready", Duration.ofMinutes(2), () -> {
                try {
                    return http.send(
                                            java.net.http.HttpRequest.newBuilder(readiness)
                                                    .build(),
                                            java.net.http.HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });

            vigil.destroy();
            assertThat(vigil.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within a minute")
                    .isTrue();
        } finally {
            vigil.destroyForcibly();
        }

        List<String> stop = read(log)
                .lines()
                .dropWhile(line -> !line.contains("Commencing graceful shutdown"))
                .toList();
        assertThat(stop).as("the stop is logged").isNotEmpty();
        assertThat(stop)
                .as("no warning, error or stack trace while stopping")
                .noneMatch(line -> line.contains(" WARN ")
                        || line.contains(" ERROR ")
                        || line.startsWith("\tat ")
                        || line.contains("Exception"));
        assertThat(indexOf(stop, "Shutting down Quartz Scheduler"))
                .as("Quartz, then the pool")
                .isLessThan(indexOf(stop, "vigil-embedded - Shutdown completed"));
        assertThat(indexOf(stop, "vigil-embedded - Shutdown completed"))
                .as("the pool, then PostgreSQL")
                .isLessThan(indexOf(stop, "shut down postmaster"));
        assertThat(Files.exists(data.resolve("postmaster.pid")))
                .as("no PostgreSQL left running")
                .isFalse();
        assertThat(vigil.exitValue()).as("the exit status of a SIGTERM").isEqualTo(143);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("The stop did not log '" + text + "':\n" + String.join("\n", lines));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
