package eu.vigil.tenancy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spaces out failed sign-ins instead of locking accounts, so nobody can lock anyone out. Failures are
 * counted in the database (every instance sees them) per client on an account, per account and per
 * client address. A client that has not failed is never held back; one that has waits longer after
 * each failure once its free ones are used up. Unknown accounts are counted exactly like known ones.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final TenancyProperties.Throttle settings;

    LoginThrottle(JdbcTemplate jdbc, TenancyProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.throttle();
    }

    /** Whether this client must wait before its next attempt on this account is even checked. */
    boolean mustWait(String email, String remoteAddr) {
        Instant now = Instant.now();
        Map<String, Counter> counters =
                counters(now, clientKey(email, remoteAddr), accountKey(email), addressKey(remoteAddr));
        Counter client = counters.get(clientKey(email, remoteAddr));
        Counter address = counters.get(addressKey(remoteAddr));
        Counter account = counters.get(accountKey(email));
        boolean clientFailedHere = client != null;
        return (clientFailedHere && client.waitsAt(now))
                || (clientFailedHere && account != null && account.waitsAt(now))
                || (address != null && address.waitsAt(now));
    }

    /** Records a failure; answers whether this client must now wait before its next attempt. */
    @Transactional
    boolean recordFailure(String email, String remoteAddr) {
        fail(accountKey(email), settings.freeFailuresPerAccount());
        fail(addressKey(remoteAddr), settings.freeFailuresPerAddress());
        fail(clientKey(email, remoteAddr), settings.freeFailuresPerClient());
        return mustWait(email, remoteAddr);
    }

    /** The right password from this client: its own failures on the account are forgiven, nobody else's. */
    @Transactional
    void recordSuccess(String email, String remoteAddr) {
        jdbc.update("delete from login_throttle where throttle_key = ?", clientKey(email, remoteAddr));
    }

    /** Counts a password-reset request; answers whether it is within the limits per address and per client. */
    @Transactional
    boolean allowReset(String email, String remoteAddr) {
        int forEmail = count("reset-email:" + normalise(email), settings.resetWindow());
        int forClient = count("reset-client:" + address(remoteAddr), settings.resetWindow());
        return forEmail <= settings.resetsPerEmail() && forClient <= settings.resetsPerClient();
    }

    @Transactional
    int forgetStale() {
        Duration longest =
                settings.resetWindow().compareTo(settings.window()) > 0 ? settings.resetWindow() : settings.window();
        Instant cutoff = Instant.now().minus(longest).minus(settings.maxDelay());
        return jdbc.update(
                "delete from login_throttle where window_start < ? and (next_attempt_at is null or next_attempt_at < ?)",
                Timestamp.from(cutoff),
                Timestamp.from(Instant.now()));
    }

    private void fail(String key, int freeFailures) {
        int failures = count(key, settings.window());
        Instant next = Instant.now().plus(delayAfter(failures, freeFailures));
        jdbc.update("update login_throttle set next_attempt_at = ? where throttle_key = ?", Timestamp.from(next), key);
    }

    /** No wait while failures are free, then 1 s, 2 s, 4 s... up to the configured longest wait. */
    Duration delayAfter(int failures, int freeFailures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(beyond - 1, 30));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private int count(String key, Duration window) {
        Instant now = Instant.now();
        Timestamp windowOpenedBefore = Timestamp.from(now.minus(window));
        Integer failures = jdbc.queryForObject(
                """
                insert into login_throttle (throttle_key, failures, window_start) values (?, 1, ?)
                on conflict (throttle_key) do update set
                    failures = case when login_throttle.window_start < ? then 1 else login_throttle.failures + 1 end,
                    window_start = case when login_throttle.window_start < ? then excluded.window_start else login_throttle.window_start end,
                    next_attempt_at = case when login_throttle.window_start < ? then null else login_throttle.next_attempt_at end
                returning failures
                """,
                Integer.class,
                key,
                Timestamp.from(now),
                windowOpenedBefore,
                windowOpenedBefore,
                windowOpenedBefore);
        return failures == null ? 1 : failures;
    }

    private Map<String, Counter> counters(Instant now, String... keys) {
        Map<String, Counter> counters = new HashMap<>();
        jdbc.query(
                "select throttle_key, failures, next_attempt_at from login_throttle where throttle_key = any(?) and window_start >= ?",
                rs -> {
                    Timestamp next = rs.getTimestamp("next_attempt_at");
                    counters.put(
                            rs.getString("throttle_key"),
                            new Counter(rs.getInt("failures"), next == null ? null : next.toInstant()));
                },
                keys,
                Timestamp.from(now.minus(settings.window())));
        return counters;
    }

    private record Counter(int failures, Instant nextAttemptAt) {

        boolean waitsAt(Instant now) {
            return failures > 0 && nextAttemptAt != null && now.isBefore(nextAttemptAt);
        }
    }

    private static String clientKey(String email, String remoteAddr) {
        return "client:" + address(remoteAddr) + " " + normalise(email);
    }

    private static String accountKey(String email) {
        return "account:" + normalise(email);
    }

    private static String addressKey(String remoteAddr) {
        return "address:" + address(remoteAddr);
    }

    private static String normalise(String email) {
        String value = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return value.length() > 320 ? value.substring(0, 320) : value;
    }

    private static String address(String remoteAddr) {
        return remoteAddr == null ? "unknown" : remoteAddr;
    }
}
