package eu.vigil.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per email address and per client address in the database, so every
 * instance sees the same counts, and locks a key that fails too often. Unknown addresses are
 * counted and locked exactly like known ones: a lock says nothing about whether an account exists.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final TenancyProperties.Throttle settings;

    LoginThrottle(JdbcTemplate jdbc, TenancyProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.throttle();
    }

    boolean isLocked(String email, String remoteAddr) {
        Integer locked = jdbc.queryForObject(
                "select count(*) from login_throttle where throttle_key in (?, ?) and locked_until > ?",
                Integer.class, accountKey(email), addressKey(remoteAddr), Timestamp.from(Instant.now()));
        return locked != null && locked > 0;
    }

    /** Records a failure; answers whether the account or address is now locked. */
    @Transactional
    boolean recordFailure(String email, String remoteAddr) {
        boolean accountLocked = fail(accountKey(email), settings.maxFailuresPerAccount());
        boolean addressLocked = fail(addressKey(remoteAddr), settings.maxFailuresPerAddress());
        return accountLocked || addressLocked;
    }

    @Transactional
    void recordSuccess(String email) {
        jdbc.update("delete from login_throttle where throttle_key = ?", accountKey(email));
    }

    @Transactional
    int forgetStale() {
        Instant cutoff = Instant.now().minus(settings.window()).minus(settings.lockDuration());
        return jdbc.update("delete from login_throttle where window_start < ? and (locked_until is null or locked_until < ?)",
                Timestamp.from(cutoff), Timestamp.from(Instant.now()));
    }

    private boolean fail(String key, int maxFailures) {
        Instant now = Instant.now();
        Timestamp windowOpenedBefore = Timestamp.from(now.minus(settings.window()));
        jdbc.update("""
                insert into login_throttle (throttle_key, failures, window_start) values (?, 1, ?)
                on conflict (throttle_key) do update set
                    failures = case when login_throttle.window_start < ? then 1 else login_throttle.failures + 1 end,
                    window_start = case when login_throttle.window_start < ? then excluded.window_start else login_throttle.window_start end
                """, key, Timestamp.from(now), windowOpenedBefore, windowOpenedBefore);
        return jdbc.update("""
                update login_throttle set locked_until = ?
                where throttle_key = ? and failures >= ? and (locked_until is null or locked_until < ?)
                """, Timestamp.from(now.plus(settings.lockDuration())), key, maxFailures, Timestamp.from(now)) > 0
                || isLockedKey(key, now);
    }

    private boolean isLockedKey(String key, Instant now) {
        Integer locked = jdbc.queryForObject("select count(*) from login_throttle where throttle_key = ? and locked_until > ?",
                Integer.class, key, Timestamp.from(now));
        return locked != null && locked > 0;
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String remoteAddr) {
        return "address:" + (remoteAddr == null ? "unknown" : remoteAddr);
    }
}
