package eu.vigil.bench;

import eu.vigil.VigilApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Vigil a single-instance benchmark measures: a throw-away PostgreSQL and the application on it, no demo. */
final class BenchVigil {

    private BenchVigil() {}

    /** A fresh PostgreSQL under {@code work} with an empty database {@code vigil_bench}. */
    static EmbeddedPostgres postgres(Path work) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pgdata-" + System.nanoTime()))
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "512MB")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database vigil_bench");
        }
        return postgres;
    }

    /** Vigil on {@code vigil_bench}: no scheduler, no demo tenant, warnings only; {@code more} adds the bench's own. */
    static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "vigil_bench"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--spring.quartz.auto-startup=false",
                "--spring.mail.host=localhost",
                "--vigil.demo.seed=false",
                "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplication(VigilApplication.class).run(args.toArray(String[]::new));
    }
}
