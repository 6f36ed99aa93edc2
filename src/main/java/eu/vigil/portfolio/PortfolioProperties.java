package eu.vigil.portfolio;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param figuresMaxAge how old a tenant's portfolio figures (lights, amounts at risk, biggest amounts, high-risk share,
 *                      12-month chart) may be when a home page shows them; older ones are shown once more while they are
 *                      recomputed in the background. Zero computes them for every page.
 */
@Validated
@ConfigurationProperties("vigil.portfolio")
public record PortfolioProperties(
        @DefaultValue("1m") @NotNull Duration figuresMaxAge) {}
