package eu.vigil.signal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param catalogue the operator's signal catalogue; when it does not exist, the built-in copy
 *                  ({@code classpath:signals/signals.yml}, packaged from {@code config/signals.yml} by the build) is used
 */
@ConfigurationProperties("vigil.signals")
public record SignalProperties(
        @DefaultValue("file:./config/signals.yml") Resource catalogue) {}
