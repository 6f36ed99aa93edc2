package eu.vigil.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param postgresDir where the embedded PostgreSQL keeps its data; blank means a throw-away
 *                    directory shared by everything in this JVM (tests)
 * @param smtpPort    port of the in-process SMTP server; 0 picks a free one
 */
@ConfigurationProperties("vigil.embedded")
public record EmbeddedProperties(
        @DefaultValue("./data/postgres") String postgresDir,
        @DefaultValue("3025") int smtpPort) {}
