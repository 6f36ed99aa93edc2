package eu.vigil.receivables;

import eu.vigil.receivables.internal.ScorecardStore;
import eu.vigil.receivables.internal.Scoring;
import eu.vigil.tenancy.Audited;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.WatchlistManagement;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's scorecard: read, changed by its admin (every customer rescored at once). */
@Service
public class Scorecards {

    private final ScorecardStore store;
    private final Scoring scoring;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final WatchlistManagement watchlists;

    Scorecards(
            ScorecardStore store,
            Scoring scoring,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            WatchlistManagement watchlists) {
        this.watchlists = watchlists;
        this.store = store;
        this.scoring = scoring;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Scorecard current() {
        return store.current(TenantContext.require());
    }

    /** Checks the scorecard (a problem names the variable and range), keeps it, and rescores every customer. */
    @Transactional
    public void save(Scorecard card, String actor) {
        UUID tenant = TenantContext.require();
        store.save(tenant, card.validated(), actor);
        rescore(tenant);
        events.publishEvent(Audited.of("ScorecardChanged", "scorecard"));
    }

    /**
     * Makes the advised limit of one of the bound tenant's customers its entry's credit limit (audited); a customer of
     * another tenant, or one without advice, is not found.
     */
    @Transactional
    public java.math.BigDecimal acceptAdvice(String customerKey) {
        UUID tenant = TenantContext.require();
        var advice = jdbc.query(
                """
                select s.entry_id, s.advised_limit, coalesce(rs.currency, 'EUR'), s.grade, s.score
                from receivable_score s left join receivable_setting rs on rs.tenant_id = s.tenant_id
                where s.tenant_id = ? and s.customer_key = ? and s.advised_limit is not null and s.entry_id is not null""",
                (rs, n) -> new Object[] {
                    rs.getLong(1), rs.getBigDecimal(2), rs.getString(3).trim(), rs.getString(4), rs.getInt(5)
                },
                tenant,
                customerKey);
        if (advice.isEmpty()) {
            throw new eu.vigil.shared.NotFoundException("Limit advice");
        }
        Object[] a = advice.get(0);
        java.math.BigDecimal limit = (java.math.BigDecimal) a[1];
        watchlists.changeCreditLimit(
                (Long) a[0], new Amount(limit, (String) a[2]), "advice " + a[3] + " " + a[4] + "/100");
        jdbc.update("""
                update receivable_figure set credit_limit = ?,
                    utilisation = case when ? > 0 then round(outstanding * 100 / ?, 4) end
                where tenant_id = ? and customer_key = ?""", limit, limit, limit, tenant, customerKey);
        return limit;
    }

    /** Rescores the bound tenant's customers as of their last load (after a scorecard or a company changed). */
    @Transactional
    public int rescore(UUID tenant) {
        LocalDate asOf = jdbc
                .query(
                        "select as_of from receivable_load where tenant_id = ? order by id desc limit 1",
                        (rs, n) -> rs.getDate(1).toLocalDate(),
                        tenant)
                .stream()
                .findFirst()
                .orElse(null);
        if (asOf == null) {
            return 0;
        }
        String currency = jdbc.query(
                "select currency from receivable_setting where tenant_id = ?",
                rs -> rs.next() ? rs.getString(1).trim() : "EUR",
                tenant);
        return scoring.recompute(tenant, asOf, currency);
    }
}
