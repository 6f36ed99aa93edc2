package eu.vigil.feed.connect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Per source, on /actuator/prometheus: items read and runs applied by its connection, failures, and the lag (now minus
 * the newest item's date, the stalest of its streams).
 */
@Component
class ConnectionMetrics {

    private final MeterRegistry registry;
    private final Map<String, Gauge> lags = new ConcurrentHashMap<>();

    ConnectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(String source, long items) {
        counter("vigil.feed.connection.items", "Items a feed connection read and applied as runs", source)
                .increment(items);
        counter("vigil.feed.connection.runs", "Runs a feed connection committed", source)
                .increment();
    }

    void failed(String source) {
        counter("vigil.feed.connection.errors", "Failed pulls of a feed connection", source)
                .increment();
    }

    /** Registers the source's lag, read from the stored states when scraped. */
    void lag(String source, Supplier<Instant> newestItem) {
        lags.computeIfAbsent(
                source,
                s -> Gauge.builder("vigil.feed.connection.lag", () -> {
                            Instant newest = newestItem.get();
                            return newest == null
                                    ? Double.NaN
                                    : (Instant.now().toEpochMilli() - newest.toEpochMilli()) / 1000.0;
                        })
                        .description("Seconds between now and the newest item a feed connection applied")
                        .baseUnit("seconds")
                        .tag("source", s)
                        .register(registry));
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name)
                .description(description)
                .tag("source", source)
                .register(registry);
    }
}
