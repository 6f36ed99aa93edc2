package eu.vigil.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil runs on its embedded PostgreSQL and the JVM is killed with {@code kill -9}: PostgreSQL lives on
 * as an orphan holding its data directory. The next start must work the first time, with the data intact
 * and fsync on.
 */
class EmbeddedPostgresCrashTests {

    @TempDir
    Path dir;

    @Test
    void aStartAfterTheJvmWasKilledStopsTheOrphanAndStartsTheFirstTimeWithTheDataAndFsyncOn() throws Exception {
        Path data = dir.resolve("postgres");
        Process killedRun = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresOfAKilledRun.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(killedRun.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.startsWith("READY"));
            assertThat(line).as("the first run started its PostgreSQL").isNotNull();
        }
        killedRun.destroyForcibly();
        assertThat(killedRun.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long orphanPid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("the orphan outlived the JVM")
                .hasValue(true);

        try (EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.startKeepingData(data);
                Connection connection = restarted.getPostgresDatabase().getConnection()) {
            ResultSet note = connection.createStatement().executeQuery("select note from survived");
            assertThat(note.next()).isTrue();
            assertThat(note.getString(1)).isEqualTo("written before kill -9");
            ResultSet fsync = connection.createStatement().executeQuery("show fsync");
            fsync.next();
            assertThat(fsync.getString(1)).isEqualTo("on");
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }
}
