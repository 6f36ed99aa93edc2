package eu.vigil.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;

/** Run in a JVM of its own by {@link EmbeddedPostgresCrashTests}: starts the embedded PostgreSQL, writes a row, waits to be killed. */
public final class PostgresOfAKilledRun {

    private PostgresOfAKilledRun() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.startKeepingData(Path.of(args[0]));
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table survived (note text)");
            connection.createStatement().execute("insert into survived values ('written before kill -9')");
        }
        System.out.println("READY " + postgres.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
