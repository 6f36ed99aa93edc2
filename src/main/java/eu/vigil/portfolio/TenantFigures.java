package eu.vigil.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each tenant's portfolio figures, kept for {@link PortfolioProperties#figuresMaxAge()}: they take a pass over every
 * entry of the tenant, too long to repeat for every home page of a 100,000-entry portfolio. A page asking for figures
 * older than that gets them once more while one background thread per tenant recomputes them; the very first page
 * computes them itself.
 */
@Component
class TenantFigures {

    private static final Logger log = LoggerFactory.getLogger(TenantFigures.class);

    private record Kept(Instant at, Portfolio.Figures figures) {}

    private final PortfolioProperties properties;
    private final Clock clock;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> refreshing = new ConcurrentHashMap<>();

    TenantFigures(PortfolioProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Portfolio.Figures get(UUID tenant, Function<UUID, Portfolio.Figures> compute) {
        Kept known = kept.get(tenant);
        if (known == null || properties.figuresMaxAge().isZero()) {
            Portfolio.Figures figures = compute.apply(tenant);
            kept.put(tenant, new Kept(clock.instant(), figures));
            return figures;
        }
        if (known.at().plus(properties.figuresMaxAge()).isBefore(clock.instant())
                && refreshing.putIfAbsent(tenant, true) == null) {
            Thread.ofVirtual().name("portfolio-figures-" + tenant).start(() -> {
                try {
                    kept.put(tenant, new Kept(clock.instant(), compute.apply(tenant)));
                } catch (RuntimeException e) {
                    log.warn("Could not recompute the portfolio figures of tenant {}: {}", tenant, e.getMessage());
                } finally {
                    refreshing.remove(tenant);
                }
            });
        }
        return known.figures();
    }
}
