package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import eu.vigil.support.VigilTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An existing deployment upgrades: a database at an earlier schema, with a tenant, a person, a company with its state
 * and a signal event, a watchlist entry, an alert rule, an alert and a pending email in it, is migrated to the current
 * schema. Its data is still there, and its schema is the same as one migrated from scratch. V36 is the schema of the
 * databases in use when the migrations policy was set; V31 one from before the digests.
 */
@VigilTest
class SchemaUpgradeTests {

    private final String upgraded =
            "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String fresh =
            "fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void dropSchemas() {
        jdbc.execute("drop schema if exists " + upgraded + " cascade");
        jdbc.execute("drop schema if exists " + fresh + " cascade");
    }

    @ParameterizedTest(name = "from V{0}")
    @ValueSource(strings = {"31", "36"})
    void aDatabaseWithDataAtAnEarlierSchemaUpgradesToTheCurrentOneAndKeepsItsData(String from) throws SQLException {
        flyway(upgraded, from).migrate();
        UUID tenant = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID watchlist = UUID.randomUUID();
        UUID rule = UUID.randomUUID();
        sql(
                "insert into %s.tenant (id, name, language, time_zone, created_at) values (?, 'Upgraded NV', 'fr', 'Europe/Brussels', now())",
                tenant);
        sql("""
                insert into %s.app_user (id, tenant_id, email, display_name, password_hash, role, status, language, time_zone, created_at)
                values (?, ?, 'claire@upgraded.example', 'Claire', '{noop}x', 'CREDIT_MANAGER', 'ACTIVE', 'fr', 'Europe/Brussels', now())""", person, tenant);
        long company = jdbc.queryForObject(
                "insert into " + upgraded + ".company (country, number) values ('BE', '0403170701') returning id",
                Long.class);
        sql("""
                insert into %s.company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                values (?, 'identity', '{"name":"Upgraded Builders NV"}', 42, 'kbo', 'KboOpenData_0140', date '2026-01-05', 1)""", company);
        long event = jdbc.queryForObject("""
                insert into %s.signal_event (company_id, code, category, polarity, severity, old_value, new_value, effective_date,
                                             source, extract, run_id)
                values (?, 'BANKRUPTCY_OPENED', 'status', 'negative', 'critical', '000', '050', date '2026-01-05', 'kbo',
                        'KboOpenData_0140', 1) returning id""".formatted(upgraded), Long.class, company);
        sql(
                "insert into %s.watchlist (id, tenant_id, name, created_by, created_at) values (?, ?, 'Customers', 'claire@upgraded.example', now())",
                watchlist, tenant);
        sql("""
                insert into %s.watchlist_entry (tenant_id, watchlist_id, country, number, company_id, reference, relationship, owner_id, tags)
                values (?, ?, 'BE', '0403170701', ?, 'C-1001', 'CUSTOMER', ?, '{construction}')""", tenant, watchlist, company, person);
        sql("""
                insert into %s.alert_rule (id, tenant_id, name, polarities, min_severity, recipient_roles, delivery, created_at, updated_at)
                values (?, ?, 'Risques', '{negative}', 'medium', '{CREDIT_MANAGER}', 'IMMEDIATE', now(), now())""", rule, tenant);
        long alert = jdbc.queryForObject(
                """
                insert into %s.alert (tenant_id, rule_id, signal_event_id, company_id, country, number, code, polarity, severity,
                                      effective_date, watchlist_ids, owner_ids)
                values (?, ?, ?, ?, 'BE', '0403170701', 'BANKRUPTCY_OPENED', 'negative', 'critical', date '2026-01-05', ?, ?)
                returning id""".formatted(upgraded), Long.class, tenant, rule, event, company, new UUID[] {watchlist}, new UUID[] {
                    person
                });
        sql(
                """
                insert into %s.mail_outbox (tenant_id, kind, group_key, rule_id, company_id, recipient, recipient_user_id, language,
                                            template, alert_ids, next_attempt_at, unsubscribe_token)
                values (?, 'IMMEDIATE', 'immediate:upgrade', ?, ?, 'claire@upgraded.example', ?, 'fr', 'alert', ?, now(), ?)""",
                tenant,
                rule,
                company,
                person,
                new Long[] {alert},
                UUID.randomUUID().toString());

        var result = flyway(upgraded, null).migrate();
        flyway(fresh, null).migrate();

        assertThat(result.success).isTrue();
        flyway(upgraded, null).validate();
        assertThat(value("select name from %s.tenant where id = ?", tenant)).isEqualTo("Upgraded NV");
        assertThat(value("select email || ' ' || role || ' ' || status from %s.app_user where id = ?", person))
                .isEqualTo("claire@upgraded.example CREDIT_MANAGER ACTIVE");
        assertThat(value(
                        "select doc::text from %s.company_section where company_id = ? and section = 'identity'",
                        company))
                .contains("Upgraded Builders NV");
        assertThat(value("select code || ' ' || new_value from %s.signal_event where id = ?", event))
                .isEqualTo("BANKRUPTCY_OPENED 050");
        assertThat(value(
                        "select reference || ' ' || relationship from %s.watchlist_entry where watchlist_id = ?",
                        watchlist))
                .isEqualTo("C-1001 CUSTOMER");
        assertThat(value("select name || ' ' || delivery from %s.alert_rule where id = ?", rule))
                .isEqualTo("Risques IMMEDIATE");
        assertThat(value("select state || ' ' || code from %s.alert where id = ?", alert))
                .isEqualTo("NEW BANKRUPTCY_OPENED");
        assertThat(value("select status || ' ' || recipient from %s.mail_outbox where group_key = 'immediate:upgrade'"))
                .isEqualTo("PENDING claire@upgraded.example");

        assertThat(structure(upgraded))
                .as("the upgraded schema is the one a new deployment gets")
                .containsExactlyElementsOf(structure(fresh));
    }

    /** Tables, columns with their types, nullability and defaults, indexes, constraints and functions, schema name left out. */
    private List<String> structure(String schema) {
        List<String> structure = new java.util.ArrayList<>();
        structure.addAll(jdbc.queryForList("""
                select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                from information_schema.columns where table_schema = ? order by 1""", String.class, schema));
        structure.addAll(jdbc.queryForList(
                "select indexname || ' ' || indexdef from pg_indexes where schemaname = ? order by 1",
                String.class,
                schema));
        structure.addAll(jdbc.queryForList("""
                select c.conname || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = ? order by 1""", String.class, schema));
        structure.addAll(jdbc.queryForList("""
                select p.proname || ' ' || pg_get_function_arguments(p.oid) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ? order by 1""", String.class, schema));
        structure.addAll(jdbc.queryForList(
                "select viewname || ' ' || definition from pg_views where schemaname = ? order by 1",
                String.class,
                schema));
        return structure.stream()
                .filter(line -> !line.startsWith("flyway_schema_history"))
                .map(line -> line.replace(schema + ".", "<schema>."))
                .toList();
    }

    /** The application's migrations, up to {@code target} (null: all), on {@code schema}, over a connection of their own. */
    private Flyway flyway(String schema, String target) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        var own = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        var configuration = Flyway.configure().dataSource(own).schemas(schema).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private void sql(String statement, Object... args) {
        jdbc.update(statement.formatted(upgraded), args);
    }

    private String value(String query, Object... args) {
        return jdbc.queryForObject(query.formatted(upgraded), String.class, args);
    }
}
