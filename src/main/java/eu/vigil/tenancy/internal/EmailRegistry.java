package eu.vigil.tenancy.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Sign-in is by email across all tenants, so an address may exist only once in the whole platform. */
@Component
public class EmailRegistry {

    private final JdbcTemplate jdbc;

    EmailRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isTaken(String email) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from app_user where lower(email) = lower(?))", Boolean.class, email));
    }
}
