package eu.vigil.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** A company written straight into the registry with an identity (a name, and a town when given), for tests of what reads it. */
public final class RegistryRows {

    private RegistryRows() {}

    /** The new company's id. */
    public static long company(JdbcTemplate jdbc, String country, String number, String name, String town) {
        Long id = jdbc.queryForObject(
                "insert into company (country, number) values (?, ?) returning id", Long.class, country, number);
        String addresses = town == null
                ? ""
                : ",\"addresses\":[{\"type\":\"REGO\",\"municipalityNL\":\"" + town + "\",\"municipalityFR\":\"" + town
                        + "\"}]";
        jdbc.update(
                """
                insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                values (?, 'identity', ?::json, 0, ?, 'test extract', current_date, 0)""",
                id,
                "{\"names\":[{\"type\":\"001\",\"language\":\"2\",\"value\":\"" + name + "\"}]" + addresses + "}",
                "BE".equals(country) ? "kbo" : "companies-house");
        return id;
    }
}
