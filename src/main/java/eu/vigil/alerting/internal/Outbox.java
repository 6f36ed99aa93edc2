package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertingProperties;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The mail outbox: rows scheduled for new alerts (immediate emails grouped per rule and company, digests per rule
 * and date), and as workers see it: due rows claimed with {@code FOR UPDATE SKIP LOCKED} (so two instances never
 * take the same row), each claim leased for a while (a crashed instance's rows are taken over when it runs out),
 * then marked sent, skipped, retried later with a growing wait, or given up as a dead letter. Each of the workers'
 * statements commits on its own. When a row is due is business time (the {@link Clock}); leases are the database's time, the
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

    /**
     * Writes the outbox rows of these new alerts, for every rule that emails, on the fan-out's connection and in its
     * transaction: the alerts and their rows commit together, and the outbox's unique keys make each row once. Recipients are the rule's roles and people
     * (active ones), the matching entries' owners when the rule says so, and its external addresses (in the tenant's
     * language); minus people who silenced the company. Each recipient's preference for the rule, if any, replaces
     * the rule's delivery (none: no email). Immediate ones make one row per (tenant, rule, company, recipient), due at
     * the end of the grouping window, or join that group's row while it is pending. Digests make one row per (rule,
     * recipient, local date of the digest), due at the digest's hour in the tenant's time zone, or join it while it is
     * pending; a digest claimed while these alerts were being created hands them to the next one.
     */
    int schedule(Connection connection, List<Long> alertIds) throws SQLException {
        // reads app_user and tenant directly (tenancy's tables): resolving recipients per tenant through its API would
        // cost a query per tenant
        try (PreparedStatement insert = connection.prepareStatement("""
                with a as (
                    select a.id, a.tenant_id, a.rule_id, a.company_id, a.owner_ids, r.recipient_roles, r.recipient_users,
                           r.recipient_owner, r.recipient_emails, r.delivery, r.delivery_at, r.delivery_weekday
                    from alert a join alert_rule r on r.id = a.rule_id
                    where a.id = any(?::bigint[]) and r.delivery <> 'PORTAL'
                ), candidates as (
                    select a.id as alert_id, a.tenant_id, a.rule_id, a.company_id, a.delivery, a.delivery_at, a.delivery_weekday,
                           lower(u.email) as recipient, u.id as user_id, u.language, 0 as preference
                    from a join app_user u on u.tenant_id = a.tenant_id and u.status = 'ACTIVE'
                         and (u.role = any(a.recipient_roles) or u.id = any(a.recipient_users)
                              or (a.recipient_owner and u.id = any(a.owner_ids)))
                    union all
                    select a.id, a.tenant_id, a.rule_id, a.company_id, a.delivery, a.delivery_at, a.delivery_weekday, x.email, null,
                           t.language, 1
                    from a join tenant t on t.id = a.tenant_id cross join lateral unnest(a.recipient_emails) as x(email)
                ), one as (
                    select distinct on (alert_id, recipient) * from candidates order by alert_id, recipient, preference
                ), allowed as (
                    select o.*, coalesce(p.delivery, o.delivery) as mode
                    from one o left join alert_preference p on p.rule_id = o.rule_id and p.recipient = o.recipient
                    where coalesce(p.delivery, o.delivery) in ('IMMEDIATE', 'DAILY', 'WEEKLY')
                      and not exists (select 1 from alert_silence s
                                      where s.user_id = o.user_id and s.company_id = o.company_id and s.until > now())
                ), immediate as (
                    select tenant_id, rule_id, company_id, recipient, user_id, language, array_agg(alert_id order by alert_id) as ids
                    from allowed where mode = 'IMMEDIATE' group by tenant_id, rule_id, company_id, recipient, user_id, language
                ), digest as (
                    select d.tenant_id, d.rule_id, d.recipient, d.user_id, d.language, d.mode, d.delivery_at, d.delivery_weekday,
                           t.time_zone, alert_digest_due(t.time_zone, d.mode, d.delivery_at, d.delivery_weekday, ?::timestamptz) as due,
                           array_agg(d.alert_id order by d.alert_id) as ids
                    from allowed d join tenant t on t.id = d.tenant_id
                    where d.mode in ('DAILY', 'WEEKLY')
                    group by d.tenant_id, d.rule_id, d.recipient, d.user_id, d.language, d.mode, d.delivery_at, d.delivery_weekday,
                             t.time_zone
                ), immediate_rows as (
                    insert into mail_outbox (tenant_id, kind, group_key, rule_id, company_id, recipient, recipient_user_id,
                                             language, template, alert_ids, status, next_attempt_at, unsubscribe_token)
                    select tenant_id, 'IMMEDIATE', 'immediate:' || rule_id || ':' || company_id || ':' || ids[1], rule_id,
                           company_id, recipient, user_id, language, 'alert', ids, 'PENDING',
                           ?::timestamptz + ? * interval '1 millisecond',
                           replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
                    from immediate
                    on conflict (tenant_id, rule_id, company_id, recipient) where status = 'PENDING' and kind = 'IMMEDIATE'
                    do update set alert_ids = mail_outbox.alert_ids || excluded.alert_ids
                    returning 1
                ), digest_rows as (
                    insert into mail_outbox (tenant_id, kind, group_key, rule_id, recipient, recipient_user_id, language, template,
                                             alert_ids, status, next_attempt_at, unsubscribe_token)
                    select tenant_id, mode, lower(mode) || ':' || rule_id || ':' || to_char(due at time zone time_zone, 'YYYY-MM-DD'),
                           rule_id, recipient, user_id, language, 'alert-digest', ids, 'PENDING', due,
                           replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
                    from digest
                    on conflict (group_key, recipient)
                    do update set alert_ids = mail_outbox.alert_ids || excluded.alert_ids where mail_outbox.status = 'PENDING'
                    returning group_key, recipient
                ), late_rows as (
                    insert into mail_outbox (tenant_id, kind, group_key, rule_id, recipient, recipient_user_id, language, template,
                                             alert_ids, status, next_attempt_at, unsubscribe_token)
                    select tenant_id, mode, lower(mode) || ':' || rule_id || ':' || to_char(next at time zone time_zone, 'YYYY-MM-DD'),
                           rule_id, recipient, user_id, language, 'alert-digest', ids, 'PENDING', next,
                           replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
                    from (select d.*, alert_digest_due(time_zone, mode, delivery_at, delivery_weekday, due) as next
                          from digest d
                          where not exists (select 1 from digest_rows r
                                            where r.recipient = d.recipient
                                              and r.group_key = lower(d.mode) || ':' || d.rule_id || ':'
                                                                || to_char(d.due at time zone d.time_zone, 'YYYY-MM-DD'))) later
                    on conflict (group_key, recipient)
                    do update set alert_ids = mail_outbox.alert_ids || excluded.alert_ids where mail_outbox.status = 'PENDING'
                    returning 1
                )
                select (select count(*) from immediate_rows) + (select count(*) from digest_rows)
                       + (select count(*) from late_rows)""")) {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            insert.setArray(1, connection.createArrayOf("bigint", alertIds.toArray()));
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.setLong(4, properties.groupWindow().toMillis());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
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
