package eu.vigil.alerting;

import eu.vigil.company.CompanyId;
import java.util.List;
import java.util.UUID;

/**
 * What the inbox shows: alerts raised in the last {@code days} (7, 10 or 30; null: any time), through a watchlist, of a
 * polarity, severity and state, on a company, and only those that are {@code mine} of a person; null means any. Values
 * outside the choices are ignored, not errors.
 */
public record AlertFilter(
        Integer days, UUID watchlist, String polarity, String severity, String state, CompanyId company, Mine mine) {

    /**
     * A person's own alerts: on an entry they own, assigned to them, or raised by a rule whose recipients name them or
     * their role.
     */
    public record Mine(UUID userId, String role) {}

    public static final List<Integer> PERIODS = List.of(7, 10, 30);

    public AlertFilter(
            Integer days, UUID watchlist, String polarity, String severity, String state, CompanyId company) {
        this(days, watchlist, polarity, severity, state, company, null);
    }

    public AlertFilter {
        days = days != null && PERIODS.contains(days) ? days : null;
        polarity = pick(polarity, List.of("negative", "positive", "neutral"));
        severity = pick(severity, List.of("info", "low", "medium", "high", "critical"));
        state = pick(state, List.of("new", "acknowledged", "resolved"));
    }

    public AlertFilter mineOf(Mine person) {
        return new AlertFilter(days, watchlist, polarity, severity, state, company, person);
    }

    public static AlertFilter none() {
        return new AlertFilter(null, null, null, null, null, null);
    }

    public static AlertFilter of(CompanyId company) {
        return new AlertFilter(null, null, null, null, null, company);
    }

    private static String pick(String value, List<String> allowed) {
        return value != null && allowed.contains(value.strip()) ? value.strip() : null;
    }
}
