package eu.vigil.watchdog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval how often each instance says it is alive and looks for orphaned work
 * @param nodeTimeout an instance silent for this long is taken for dead, and what it was running is failed (or, for a
 *     stored watchlist upload, run again by another instance)
 * @param nodeName this instance's name in the database (its connections' application_name); blank: a random one
 */
@ConfigurationProperties("vigil.watchdog")
record WatchdogProperties(
        @DefaultValue("10s") Duration interval,
        @DefaultValue("30s") Duration nodeTimeout,
        @DefaultValue("") String nodeName) {}
