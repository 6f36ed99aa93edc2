package eu.vigil.receivables;

import eu.vigil.signal.SignalEventsRecorded;
import eu.vigil.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A feed run recorded events on companies some tenants score: those tenants' customers are rescored, so a new bureau
 * report, accounts or a negative event moves the score without waiting for the next ledger load.
 */
@Component
class ScoreRefresh {

    private final JdbcTemplate jdbc;
    private final Scorecards scorecards;

    ScoreRefresh(JdbcTemplate jdbc, Scorecards scorecards) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
    }

    @ApplicationModuleListener(id = "receivables.rescore")
    void on(SignalEventsRecorded recorded) {
        if ("receivables".equals(recorded.source()) || recorded.companyIds().isEmpty()) {
            return; // a ledger load rescored its tenant already
        }
        List<UUID> tenants = jdbc.queryForList(
                "select distinct tenant_id from receivable_score where company_id = any(?::bigint[])",
                UUID.class,
                (Object) recorded.companyIds().toArray(Long[]::new));
        for (UUID tenant : tenants) {
            TenantContext.runAs(tenant, () -> scorecards.rescore(tenant));
        }
    }
}
