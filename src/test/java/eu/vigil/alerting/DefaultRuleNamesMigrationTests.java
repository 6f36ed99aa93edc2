package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eu.vigil.support.VigilTest;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application's migrations on a schema of their own, with tenants that existed before alerting (V30 gave
 * them English default rules): V36 names those rules in the tenant's language, as a new tenant's are named.
 */
@VigilTest
class DefaultRuleNamesMigrationTests {

    private static final String SCHEMA =
            "migration_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void theEnglishDefaultRulesOfFrenchDutchAndItalianTenantsAreNamedInTheirLanguageUnlessTheTenantRenamedThem()
            throws SQLException {
        migrate("21");
        UUID french = tenant("fr");
        UUID dutch = tenant("nl");
        UUID italian = tenant("it");
        UUID english = tenant("en");
        UUID renaming = tenant("fr");
        migrate("35");
        assertThat(names(french))
                .as("V30 names them in English")
                .containsEntry("risk", "Risk: negative signals")
                .containsEntry("opportunities", "Opportunities");
        jdbc.update(
                "update " + SCHEMA
                        + ".alert_rule set name = 'Mes risques' where tenant_id = ? and default_rule = 'risk'",
                renaming);

        migrate(null);

        for (var tenant : Map.of(french, Locale.FRENCH, dutch, Locale.forLanguageTag("nl"), italian, Locale.ITALIAN)
                .entrySet()) {
            assertThat(names(tenant.getKey()))
                    .as(tenant.getValue().toString())
                    .containsEntry("risk", message("risk", tenant.getValue()))
                    .containsEntry("opportunities", message("opportunities", tenant.getValue()));
        }
        assertThat(names(italian)).containsEntry("opportunities", "Opportunità");
        assertThat(names(english))
                .containsEntry("risk", "Risk: negative signals")
                .containsEntry("opportunities", "Opportunities");
        assertThat(names(renaming))
                .as("a name the tenant chose stays")
                .containsEntry("risk", "Mes risques")
                .containsEntry("opportunities", message("opportunities", Locale.FRENCH));
        assertThat(jdbc.queryForObject(
                        "select version from " + SCHEMA + ".alert_rule where tenant_id = ? and default_rule = 'risk'",
                        Long.class,
                        french))
                .as("a new version: an edit begun on the English name does not overwrite it unseen")
                .isEqualTo(1L);
    }

    /**
     * The application's migrations, up to {@code target} (null: all), on the schema of this test, over a connection
     * of their own: the pool's connections keep the application's search path.
     */
    private void migrate(String target) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        var own = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        var configuration = Flyway.configure().dataSource(own).schemas(SCHEMA).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private UUID tenant(String language) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into " + SCHEMA
                        + ".tenant (id, name, language, time_zone, created_at) values (?, ?, ?, 'Europe/Brussels', now())",
                id,
                "Before alerting " + id,
                language);
        return id;
    }

    private Map<String, String> names(UUID tenant) {
        return jdbc
                .queryForList(
                        "select default_rule, name from " + SCHEMA
                                + ".alert_rule where tenant_id = ? and default_rule is not null",
                        tenant)
                .stream()
                .collect(Collectors.toMap(row -> (String) row.get("default_rule"), row -> (String) row.get("name")));
    }

    private String message(String rule, Locale language) {
        return messages.getMessage("alerts.defaultRule." + rule, null, language);
    }
}
