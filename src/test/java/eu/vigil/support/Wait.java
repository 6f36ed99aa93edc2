package eu.vigil.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one way tests wait: for a state, polled every 100 ms, failing with what was awaited. To show that nothing more
 * arrives, wait for the state that ends the work ({@link #outboxSettled}, {@link #senderPolled}), then count.
 */
public final class Wait {

    public static final Duration SOON = Duration.ofSeconds(30);

    private Wait() {}

    public static void until(String what, BooleanSupplier done) {
        until(what, SOON, done);
    }

    public static void until(String what, Duration atMost, BooleanSupplier done) {
        waiting(what, atMost).until(done::getAsBoolean);
    }

    /** Waits until {@code value} gives what {@code done} accepts, and returns it. */
    public static <T> T until(String what, Callable<T> value, Predicate<? super T> done) {
        return waiting(what, SOON).until(value, done::test);
    }

    private static ConditionFactory waiting(String what, Duration atMost) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100));
    }

    /**
     * Waits until nothing more will be sent for {@code tenant} by business time {@code clock}: no event publication is
     * outstanding (the fan-out has run) and none of the tenant's outbox rows due by then is pending or being sent.
     */
    public static void outboxSettled(JdbcTemplate jdbc, UUID tenant, Clock clock) {
        until(
                "the outbox of tenant " + tenant + " settled",
                () -> jdbc.queryForObject("""
                select (select count(*) from event_publication
                        where completion_date is null and coalesce(status, 'PUBLISHED') not in ('FAILED', 'COMPLETED'))
                     + (select count(*) from mail_outbox where tenant_id = ? and status in ('PENDING', 'SENDING')
                        and next_attempt_at <= ?)""", Long.class, tenant, offset(clock.instant())) == 0);
    }

    /**
     * Waits until a sender has polled the outbox at business time {@code clock} or later: a probe row (the platform's,
     * due then, without alerts) has been claimed. Whatever was not due then was left alone by that poll.
     */
    public static void senderPolled(JdbcTemplate jdbc, Clock clock) {
        UUID platform = new UUID(0, 0);
        String probe = "probe:" + UUID.randomUUID();
        jdbc.update("""
                insert into mail_outbox (tenant_id, kind, group_key, recipient, language, template, alert_ids, next_attempt_at,
                                         unsubscribe_token)
                values (?, 'IMMEDIATE', ?, ?, 'en', 'alert', '{}', ?, ?)""", platform, probe, probe.replace(':', '-') + "@probe.invalid", offset(clock.instant()), probe);
        until(
                "a sender's poll at " + clock.instant(),
                () -> jdbc.queryForObject(
                        "select status <> 'PENDING' or attempts > 0 from mail_outbox where group_key = ?",
                        Boolean.class,
                        probe));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
