package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertingProperties;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mail outbox as workers see it: due rows claimed with {@code FOR UPDATE SKIP LOCKED} (so two instances never
 * take the same row), each claim leased for a while (a crashed instance's rows are taken over when it runs out),
 * then marked sent, skipped, retried later with a growing wait, or given up as a dead letter. Every statement
 * commits on its own.
 */
@Component
class Outbox {

    private final JdbcTemplate jdbc;
    private final AlertingProperties properties;

    Outbox(JdbcTemplate jdbc, AlertingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A claimed row: one email to render and send. */
    record Claimed(long id, UUID tenantId, UUID ruleId, Long companyId, String recipient, UUID userId, String language,
                   String template, List<Long> alertIds, int attempts, String unsubscribeToken) {
    }

    List<Claimed> claim(String worker) {
        return jdbc.query("""
                update mail_outbox o set status = 'SENDING', claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond',
                                         attempts = o.attempts + 1
                where o.id in (select id from mail_outbox
                               where (status = 'PENDING' and next_attempt_at <= now()) or (status = 'SENDING' and claimed_until < now())
                               order by next_attempt_at limit ? for update skip locked)
                returning o.id, o.tenant_id, o.rule_id, o.company_id, o.recipient, o.recipient_user_id, o.language, o.template,
                          o.alert_ids, o.attempts, o.unsubscribe_token""",
                (rs, n) -> new Claimed(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        (Long) rs.getObject(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        longs(rs.getArray(9)), rs.getInt(10), rs.getString(11)),
                worker, properties.lease().toMillis(), properties.claimBatch());
    }

    boolean sent(long id, String worker) {
        return jdbc.update("""
                update mail_outbox set status = 'SENT', sent_at = now(), claimed_by = null, claimed_until = null, last_error = null
                where id = ? and claimed_by = ?""", id, worker) == 1;
    }

    /** Nothing to send after all (the company was silenced, the alerts cancelled out, the rule is gone). */
    void skipped(long id, String worker, String why) {
        jdbc.update("""
                update mail_outbox set status = 'SKIPPED', claimed_by = null, claimed_until = null, last_error = ?
                where id = ? and claimed_by = ?""", why, id, worker);
    }

    /** Answers whether the row was given up. */
    boolean failed(Claimed row, String worker, String error) {
        boolean dead = row.attempts() >= properties.maxAttempts();
        jdbc.update("""
                update mail_outbox set status = ?, next_attempt_at = now() + ? * interval '1 millisecond',
                                       claimed_by = null, claimed_until = null, last_error = ?
                where id = ? and claimed_by = ?""",
                dead ? "DEAD" : "PENDING", dead ? 0 : properties.backoffAfter(row.attempts()).toMillis(),
                error == null ? "unknown error" : error.substring(0, Math.min(2000, error.length())), row.id(), worker);
        return dead;
    }

    private static List<Long> longs(Array array) throws java.sql.SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
