package eu.vigil.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Chooses the PostgreSQL the tests run on: a Testcontainers PostgreSQL 18 when Docker is available
 * (or {@code -Dvigil.test.db=testcontainers} insists), otherwise the application's own embedded one.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static PostgreSQLContainer container;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String wanted = System.getProperty("vigil.test.db", "auto");
        boolean useContainer = "testcontainers".equals(wanted)
                || ("auto".equals(wanted) && DockerClientFactory.instance().isDockerAvailable());
        if (!useContainer) {
            return;
        }
        PostgreSQLContainer postgres = container();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "testcontainers-postgres",
                        Map.of(
                                "spring.datasource.url", postgres.getJdbcUrl(),
                                "spring.datasource.username", postgres.getUsername(),
                                "spring.datasource.password", postgres.getPassword())));
    }

    private static synchronized PostgreSQLContainer container() {
        if (container == null) {
            container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
        }
        return container;
    }
}
