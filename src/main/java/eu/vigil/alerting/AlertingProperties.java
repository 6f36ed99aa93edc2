package eu.vigil.alerting;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param groupWindow   signals for one company within this window after the first go out as one email
 * @param pollInterval  how often each instance looks for due outbox rows when it found none
 * @param claimBatch    how many due rows one poll claims (and at most as many whose lease ran out)
 * @param lease         how long a claimed row is an instance's before another may take it over (a crashed instance)
 * @param maxAttempts   attempts before a row is given up as a dead letter
 * @param retryBackoff  the wait after the first failed attempt; doubled after each further one, up to {@code maxBackoff}
 * @param maxBackoff    the longest wait between two attempts
 * @param fanOutBatch   watch entries joined with the events per INSERT and per transaction: the senders start on a slice's emails
 *                      once it commits
 * @param senders       threads per instance that claim and send outbox rows (one SMTP connection each at a time)
 * @param instance      how this instance signs its outbox claims ({@code claimed_by}); blank: host, process id and a random suffix
 */
@Validated
@ConfigurationProperties("vigil.alerts")
public record AlertingProperties(
        @DefaultValue("2m") @NotNull Duration groupWindow,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("200") @Min(1) int claimBatch,
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("10") @Min(1) int maxAttempts,
        @DefaultValue("30s") @NotNull Duration retryBackoff,
        @DefaultValue("1h") @NotNull Duration maxBackoff,
        @DefaultValue("2000") @Min(1) int fanOutBatch,
        @DefaultValue("4") @Min(1) int senders,
        @DefaultValue("") String instance) {

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.clamp(attempt - 1, 0, 30);
        Duration wait = retryBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }
}
