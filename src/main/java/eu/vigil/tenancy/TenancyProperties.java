package eu.vigil.tenancy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationValidity how long an invitation link works
 * @param passwordResetValidity how long a password-reset link works
 * @param defaultTimeZone time zone of new tenants and users
 * @param throttle sign-in throttling
 * @param bootstrap first platform key and admin of an empty deployment
 */
@ConfigurationProperties("vigil.tenancy")
public record TenancyProperties(
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("1h") Duration passwordResetValidity,
        @DefaultValue("Europe/Brussels") String defaultTimeZone,
        @DefaultValue Throttle throttle,
        @DefaultValue Bootstrap bootstrap) {

    /**
     * Sign-in throttling slows down, it never locks: a client that has not failed is never refused, and after
     * the free failures each further one doubles the wait (from one second up to {@code maxDelay}).
     *
     * @param window failures are counted over this period
     * @param freeFailuresPerClient failures of one client address on one account before its attempts are spaced out
     * @param freeFailuresPerAccount failures on one account (from anywhere) before clients that failed on it wait too
     * @param freeFailuresPerAddress failures from one client address (on any accounts) before it waits
     * @param maxDelay the longest wait between two attempts
     * @param resetsPerEmail password-reset requests for one address per window before more are ignored
     * @param resetsPerClient password-reset requests from one client address per window before more are ignored
     * @param resetWindow the period reset requests are counted over
     */
    public record Throttle(
            @DefaultValue("15m") Duration window,
            @DefaultValue("3") int freeFailuresPerClient,
            @DefaultValue("10") int freeFailuresPerAccount,
            @DefaultValue("20") int freeFailuresPerAddress,
            @DefaultValue("15m") Duration maxDelay,
            @DefaultValue("3") int resetsPerEmail,
            @DefaultValue("10") int resetsPerClient,
            @DefaultValue("1h") Duration resetWindow) {}

    /**
     * @param apiKey becomes the first platform API key when no platform key exists yet
     * @param adminEmail with {@code adminPassword}, becomes the first platform admin when there is none
     * @param adminPassword the first platform admin's password
     */
    public record Bootstrap(String apiKey, String adminEmail, String adminPassword) {}
}
