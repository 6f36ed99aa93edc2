package eu.vigil.receivables.internal;

import eu.vigil.receivables.Scorecard;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** A tenant's scorecard as its admin saved it, or the standard one until then. */
@Component
public class ScorecardStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ScorecardStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Scorecard current(UUID tenant) {
        return jdbc
                .query(
                        "select doc::text from receivable_scorecard where tenant_id = ?",
                        (rs, n) -> json.readValue(rs.getString(1), Scorecard.class),
                        tenant)
                .stream()
                .findFirst()
                .orElseGet(Scorecard::standard);
    }

    public void save(UUID tenant, Scorecard card, String actor) {
        jdbc.update("""
                insert into receivable_scorecard (tenant_id, doc, updated_by) values (?, ?::jsonb, ?)
                on conflict (tenant_id) do update set doc = excluded.doc, updated_by = excluded.updated_by,
                    updated_at = now()""", tenant, json.writeValueAsString(card), actor);
    }
}
