package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here; at least it parses and wires the app the way the app reads its settings. */
class DeploymentFilesTests {

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgres18MailpitAndTheAppWiredByTheVariablesTheAppReads() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "mailpit", "app");
        assertThat((String) services.get("postgres").get("image")).startsWith("postgres:18");
        assertThat((String) services.get("mailpit").get("image")).startsWith("axllent/mailpit");

        Map<String, Object> environment =
                (Map<String, Object>) services.get("app").get("environment");
        assertThat(environment)
                .containsKeys(
                        "SPRING_DATASOURCE_URL",
                        "SPRING_DATASOURCE_USERNAME",
                        "SPRING_DATASOURCE_PASSWORD",
                        "SPRING_MAIL_HOST",
                        "SPRING_MAIL_PORT",
                        "VIGIL_BASE_URL",
                        "VIGIL_BOOTSTRAP_API_KEY",
                        "VIGIL_ADMIN_EMAIL",
                        "VIGIL_ADMIN_PASSWORD",
                        "VIGIL_DEMO_SEED");
        assertThat(environment.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql://postgres:");
        assertThat(environment.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(environment.get("VIGIL_DEMO_SEED")).isEqualTo("false");

        String operatorConfig = Files.readString(Path.of("config/application.yml"));
        for (String variable :
                new String[] {"VIGIL_BASE_URL", "VIGIL_BOOTSTRAP_API_KEY", "VIGIL_ADMIN_EMAIL", "VIGIL_ADMIN_PASSWORD"
                }) {
            assertThat(operatorConfig)
                    .as("config/application.yml reads " + variable)
                    .contains("${" + variable);
        }
    }
}
