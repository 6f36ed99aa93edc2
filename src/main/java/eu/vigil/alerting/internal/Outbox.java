package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertingProperties;
import java.sql.Array;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mail outbox as workers see it: due rows claimed with {@code FOR UPDATE SKIP LOCKED} (so two instances never
 * take the same row), each claim leased for a while (a crashed instance's rows are taken over when it runs out),
 * then marked sent, skipped, retried later with a growing wait, or given up as a dead letter. Every statement
 * commits on its own. When a row is due is business time (the {@link Clock}); leases are the database's time, the
 * one clock all instances share.
 */
@Component
class Outbox {

    private final JdbcTemplate jdbc;
    private final AlertingProperties properties;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, AlertingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A claimed row: one email to render and send; {@code kind} IMMEDIATE, DAILY or WEEKLY. */
    record Claimed(
            long id,
            UUID tenantId,
            String kind,
            String groupKey,
            UUID ruleId,
            Long companyId,
            String recipient,
            UUID userId,
            String language,
            String template,
            List<Long> alertIds,
            int attempts,
            String unsubscribeToken) {

        boolean digest() {
            return !"IMMEDIATE".equals(kind);
        }
    }

    /**
     * Claims up to a batch of due rows, and up to a batch whose lease has run out (a crashed worker's). Each is its own
     * scan in its partial index's order, stopping at the batch: one scan of both conditions at once would read and sort
     * every due row for each claim. Each is picked once, in a materialised CTE: as an {@code IN} subquery the planner
     * may re-run the locking scan for every row it joins when the table's statistics are stale.
     */
    List<Claimed> claim(String worker) {
        return jdbc.query(
                """
                with pending as materialized (
                    select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?::timestamptz
                    order by next_attempt_at limit ? for update skip locked
                ), expired as materialized (
                    select id from mail_outbox where status = 'SENDING' and claimed_until < now()
                    order by claimed_until limit ? for update skip locked
                ), due as (
                    select id from pending union select id from expired)
                update mail_outbox o set status = 'SENDING', claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond',
                                         attempts = o.attempts + 1
                from due where o.id = due.id
                returning o.id, o.tenant_id, o.kind, o.group_key, o.rule_id, o.company_id, o.recipient, o.recipient_user_id,
                          o.language, o.template, o.alert_ids, o.attempts, o.unsubscribe_token""",
                (rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        (Long) rs.getObject(6),
                        rs.getString(7),
                        rs.getObject(8, UUID.class),
                        rs.getString(9),
                        rs.getString(10),
                        longs(rs.getArray(11)),
                        rs.getInt(12),
                        rs.getString(13)),
                dueNow(),
                properties.claimBatch(),
                properties.claimBatch(),
                worker,
                properties.lease().toMillis());
    }

    /**
     * Renews the lease of the batch's rows still to send; answers those that are still this worker's (a row whose
     * lease ran out may have been taken over by another instance).
     */
    Set<Long> renew(List<Long> ids, String worker) {
        return new HashSet<>(
                jdbc.queryForList("""
                update mail_outbox set claimed_until = now() + ? * interval '1 millisecond'
                where id = any(?::bigint[]) and claimed_by = ? and status = 'SENDING'
                returning id""", Long.class, properties.lease().toMillis(), ids.toArray(Long[]::new), worker));
    }

    /**
     * Marks rows the SMTP server accepted, in one statement; keeps {@code claimed_by}: who sent them. Answers those that
     * were still this worker's.
     */
    Set<Long> sent(List<Long> ids, String worker) {
        return new HashSet<>(jdbc.queryForList("""
                update mail_outbox set status = 'SENT', sent_at = now(), claimed_until = null, last_error = null
                where id = any(?::bigint[]) and claimed_by = ?
                returning id""", Long.class, ids.toArray(Long[]::new), worker));
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
        jdbc.update(
                """
                update mail_outbox set status = ?, next_attempt_at = ?::timestamptz + ? * interval '1 millisecond',
                                       claimed_by = null, claimed_until = null, last_error = ?
                where id = ? and claimed_by = ?""",
                dead ? "DEAD" : "PENDING",
                dueNow(),
                dead ? 0 : properties.backoffAfter(row.attempts()).toMillis(),
                error == null ? "unknown error" : error.substring(0, Math.min(2000, error.length())),
                row.id(),
                worker);
        return dead;
    }

    /** Now in business time, as PostgreSQL takes it. */
    private OffsetDateTime dueNow() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static List<Long> longs(Array array) throws java.sql.SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
