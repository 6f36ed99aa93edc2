package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eu.vigil.support.VigilTest;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * An announcement of signal events still waiting for its listener when Vigil is upgraded (written before the
 * announcements carried companies): V67 gives it the companies of its events, so that its resubmission reads as one
 * written now.
 */
@VigilTest
class SignalBatchesMigrationTests {

    private static final String SCHEMA =
            "migration_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventSerializer serializer;

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void anAnnouncementWaitingForItsListenerGetsTheCompaniesOfItsEvents() throws SQLException {
        migrate("66");
        long first = company("0403170701");
        long second = company("0202239951");
        long a = event(first, "BANKRUPTCY_OPENED");
        long b = event(first, "STATUS_CHANGED");
        long c = event(second, "BANKRUPTCY_OPENED");
        UUID waiting = publication("{\"runId\":7,\"source\":\"kbo\",\"eventIds\":[" + a + "," + b + "," + c + "]}");

        migrate(null);

        String upgraded = jdbc.queryForObject(
                "select serialized_event from " + SCHEMA + ".event_publication where id = ?", String.class, waiting);
        SignalEventsRecorded recorded =
                (SignalEventsRecorded) serializer.deserialize(upgraded, SignalEventsRecorded.class);
        assertThat(recorded.runId()).isEqualTo(7);
        assertThat(recorded.source()).isEqualTo("kbo");
        assertThat(recorded.eventIds()).containsExactly(a, b, c);
        assertThat(recorded.companyIds()).containsExactly(Math.min(first, second), Math.max(first, second));
    }

    /** The application's migrations up to {@code target} (null: all) on this test's schema, over their own connection. */
    private void migrate(String target) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        var own = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        var configuration = Flyway.configure().dataSource(own).schemas(SCHEMA).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private long company(String number) {
        return jdbc.queryForObject(
                "insert into " + SCHEMA + ".company (country, number) values ('BE', ?) returning id",
                Long.class,
                number);
    }

    private long event(long company, String code) {
        return jdbc.queryForObject("insert into " + SCHEMA + """
                        .signal_event (company_id, code, category, polarity, severity, new_value, effective_date, source,
                                       extract, run_id)
                        values (?, ?, 'legal', 'negative', 'high', '1', current_date, 'kbo', 'test', 7) returning id""", Long.class, company, code);
    }

    private UUID publication(String json) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into " + SCHEMA + """
                        .event_publication (id, listener_id, event_type, serialized_event, publication_date, status)
                        values (?, 'alerting.fan-out', 'eu.vigil.signal.SignalEventsRecorded', ?, now(), 'PUBLISHED')""", id, json);
        return id;
    }
}
