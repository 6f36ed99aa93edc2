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
     * @param window failures are counted over this period
     * @param maxFailuresPerAccount failures for one email address before it is locked
     * @param maxFailuresPerAddress failures from one IP address before it is locked
     * @param lockDuration how long a lock lasts
     */
    public record Throttle(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration lockDuration) {
    }

    /**
     * @param apiKey becomes the first platform API key when no platform key exists yet
     * @param adminEmail with {@code adminPassword}, becomes the first platform admin when there is none
     * @param adminPassword the first platform admin's password
     */
    public record Bootstrap(String apiKey, String adminEmail, String adminPassword) {
    }
}
