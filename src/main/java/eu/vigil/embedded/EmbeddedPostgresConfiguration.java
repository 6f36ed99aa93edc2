package eu.vigil.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** Starts a real PostgreSQL 18 in-process when no {@code spring.datasource.url} is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedProperties properties) {
        if (!StringUtils.hasText(properties.postgresDir())) {
            return SharedThrowAwayPostgres.get();
        }
        Path dir = Path.of(properties.postgresDir()).toAbsolutePath().normalize();
        try {
            EmbeddedPostgres postgres = startKeepingData(dir);
            log.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), dir);
            return new EmbeddedPostgresServer(postgres, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * Starts PostgreSQL on a data directory that must survive restarts and crashes: fsync and synchronous
     * commits on (the library turns both off for tests), and an orphan left by a killed JVM stopped first.
     */
    static EmbeddedPostgres startKeepingData(Path dir) throws IOException {
        Files.createDirectories(dir);
        OrphanPostmaster.stopIfRunning(dir);
        // stopped by this context, after Quartz, the pool and the event publication registry: a JVM hook of its own
        // would stop it while they still use it
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server) {
        // configured, not yet started: the pool opens on first use, after other beans may have added connection
        // properties
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.postgres().getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPoolName("vigil-embedded");
        pool.setMaximumPoolSize(20);
        pool.setConnectionTimeout(3_000);
        return pool;
    }

    /** One throw-away database per JVM, so that every test context shares it. */
    static final class SharedThrowAwayPostgres {
        private static EmbeddedPostgresServer instance;

        static synchronized EmbeddedPostgresServer get() {
            if (instance == null) {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setRegisterShutdownHook(false)
                            .start();
                    // after every context has closed: a JVM hook of its own would race them and leave their last
                    // queries hanging
                    SpringApplication.getShutdownHandlers().add(() -> {
                        try {
                            postgres.close();
                        } catch (IOException ignored) {
                            // the JVM is going away; the temporary directory goes with it
                        }
                    });
                    log.info("Throw-away embedded PostgreSQL started on port {}", postgres.getPort());
                    instance = new EmbeddedPostgresServer(postgres, false);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start a throw-away embedded PostgreSQL", e);
                }
            }
            return instance;
        }
    }
}
