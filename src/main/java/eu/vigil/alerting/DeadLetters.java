package eu.vigil.alerting;

import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.WatchedCompanies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's emails that gave up after their last attempt ({@code mail_dead_letter}), and their resending. */
@Service
public class DeadLetters {

    private final JdbcTemplate jdbc;
    private final WatchedCompanies watched;

    DeadLetters(JdbcTemplate jdbc, WatchedCompanies watched) {
        this.jdbc = jdbc;
        this.watched = watched;
    }

    /** {@code country}/{@code number} are null for a digest, which is about many companies. */
    public record DeadLetter(
            long id,
            String kind,
            String recipient,
            String ruleName,
            String country,
            String number,
            String companyName,
            int attempts,
            String lastError,
            Instant failedAt) {

        public String display() {
            return country == null ? null : new eu.vigil.company.CompanyId(country, number).display();
        }
    }

    @Transactional(readOnly = true)
    public List<DeadLetter> list() {
        UUID tenant = TenantContext.require();
        record Row(
                long id,
                String kind,
                String recipient,
                String ruleName,
                Long companyId,
                String country,
                String number,
                int attempts,
                String lastError,
                Instant failedAt) {}
        List<Row> rows = jdbc.query(
                """
                select d.id, d.kind, d.recipient, r.name, d.company_id, c.country, c.number, d.attempts, d.last_error, d.failed_at
                from mail_dead_letter d
                left join alert_rule r on r.id = d.rule_id
                left join lateral (select a.country, a.number from alert a
                                   where a.tenant_id = d.tenant_id and a.company_id = d.company_id limit 1) c on true
                where d.tenant_id = ? order by d.failed_at desc, d.id desc limit 500""",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getString(6) == null ? null : rs.getString(6).trim(),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant()),
                tenant);
        Map<Long, String> names = watched.names(rows.stream()
                .map(Row::companyId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return rows.stream()
                .map(r -> new DeadLetter(
                        r.id(),
                        r.kind().toLowerCase(java.util.Locale.ROOT),
                        r.recipient(),
                        r.ruleName(),
                        r.country(),
                        r.number(),
                        r.companyId() == null ? null : names.get(r.companyId()),
                        r.attempts(),
                        r.lastError(),
                        r.failedAt()))
                .toList();
    }

    /**
     * Puts a dead letter of the bound tenant back in the queue, due now, with its attempts counted from zero. When the
     * same company's group already has a pending email for that recipient, the letter's alerts join that one instead.
     */
    @Transactional
    public void resend(long id) {
        UUID tenant = TenantContext.require();
        List<Map<String, Object>> dead = jdbc.queryForList("""
                select kind, rule_id, company_id, recipient, alert_ids from mail_outbox
                where id = ? and tenant_id = ? and status = 'DEAD' for update""", id, tenant);
        if (dead.isEmpty()) {
            throw new NotFoundException("Dead letter");
        }
        Map<String, Object> letter = dead.getFirst();
        int joined = "IMMEDIATE".equals(letter.get("kind")) ? jdbc.update("""
                update mail_outbox o set alert_ids = o.alert_ids || d.alert_ids
                from mail_outbox d
                where d.id = ? and o.id <> d.id and o.tenant_id = d.tenant_id and o.rule_id = d.rule_id
                  and o.company_id = d.company_id and o.recipient = d.recipient and o.status = 'PENDING' and o.kind = 'IMMEDIATE'""", id) : 0;
        if (joined > 0) {
            jdbc.update(
                    "update mail_outbox set status = 'SKIPPED', last_error = 'resent with the pending email of its group' "
                            + "where id = ?",
                    id);
        } else {
            jdbc.update("""
                    update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null,
                                           claimed_by = null, claimed_until = null
                    where id = ?""", id);
        }
    }
}
