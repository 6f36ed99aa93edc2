package eu.vigil.watchlist;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param flashbackMonths how far back the flashback and the health check look, unless a tenant sets its own
 * @param tenantFlashbackMonths per tenant id, its own flashback depth
 * @param maxRows         the most rows one upload may have
 * @param maxUpload       the largest file an upload may be
 * @param resumeInterval  how often each node looks for imports a stopped node left running, to run them again
 * @param previewRetention how long an upload left at its preview (and its file) is kept before it is removed
 * @param red             signals that make a company red while the latest of them is not followed by one that ends it
 * @param amberSeverities severities of negative signals that make a company amber for {@code amberMonths}
 * @param amberMonths     how long a negative signal keeps a company amber
 * @param healthKinds     the health check's kinds of problem and the signals that count for each
 */
@Validated
@ConfigurationProperties("vigil.watchlists")
public record WatchlistProperties(
        @DefaultValue("36") @Min(1) int flashbackMonths,
        @DefaultValue Map<String, Integer> tenantFlashbackMonths,
        @DefaultValue("200000") @Min(1) int maxRows,
        @DefaultValue("50MB") @NotNull DataSize maxUpload,
        @DefaultValue("10s") @NotNull Duration resumeInterval,
        @DefaultValue("24h") @NotNull Duration previewRetention,
        @DefaultValue List<RedRule> red,
        @DefaultValue({"high", "critical"}) List<String> amberSeverities,
        @DefaultValue("12") @Min(1) int amberMonths,
        @DefaultValue Map<String, List<String>> healthKinds) {

    /** A signal that keeps a company red until one of {@code until} follows it. */
    public record RedRule(
            @NotNull String code, @DefaultValue List<String> until) {}

    /** Used when the configuration names no rule of its own. */
    static final List<RedRule> DEFAULT_RED = List.of(
            new RedRule("BANKRUPTCY_OPENED", List.of("BANKRUPTCY_REVOKED")),
            new RedRule("BANKRUPTCY_CLOSED", List.of()),
            new RedRule("REORGANISATION_OPENED", List.of("REORGANISATION_ENDED")),
            new RedRule("LIQUIDATION_OPENED", List.of("LIQUIDATION_CLOSED")),
            new RedRule("LIQUIDATION_REOPENED", List.of("LIQUIDATION_CLOSED")),
            new RedRule("DISSOLVED_BY_COURT", List.of()),
            new RedRule("CEASED_ACTIVE", List.of("REACTIVATED")));

    static final Map<String, List<String>> DEFAULT_HEALTH_KINDS = orderedKinds();

    public WatchlistProperties {
        red = red == null || red.isEmpty() ? DEFAULT_RED : List.copyOf(red);
        healthKinds = healthKinds == null || healthKinds.isEmpty() ? DEFAULT_HEALTH_KINDS : healthKinds;
        tenantFlashbackMonths = tenantFlashbackMonths == null ? Map.of() : tenantFlashbackMonths;
    }

    private static Map<String, List<String>> orderedKinds() {
        Map<String, List<String>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("bankruptcy", List.of("BANKRUPTCY_OPENED"));
        kinds.put("reorganisation", List.of("REORGANISATION_OPENED"));
        kinds.put("liquidation", List.of("LIQUIDATION_OPENED", "LIQUIDATION_REOPENED"));
        kinds.put("protests", List.of("PROTEST_REGISTERED"));
        kinds.put("seizures", List.of("SEIZURE_REGISTERED"));
        kinds.put("summons", List.of("SOCIAL_SECURITY_SUMMONS"));
        kinds.put("overdue-accounts", List.of("ACCOUNTS_OVERDUE"));
        kinds.put("negative-equity", List.of("EQUITY_NEGATIVE"));
        kinds.put("high-risk", List.of("RISK_CLASS_HIGH"));
        return java.util.Collections.unmodifiableMap(kinds);
    }

    public int flashbackMonthsFor(java.util.UUID tenant) {
        Integer own = tenantFlashbackMonths.get(tenant.toString());
        return own == null ? flashbackMonths : own;
    }
}
