package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine): at least it parses, pins every image, runs two nodes behind
 * a round-robin proxy, and passes the VIGIL_* variables the configuration document lists, each of which reaches its
 * property in the packaged application.
 */
class DeploymentFilesTests {

    private static final Pattern VARIABLE = Pattern.compile("\\bVIGIL_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `(VIGIL_[A-Z0-9_]+)` \\| `([a-z0-9.-]+)` \\|");
    /** Read by docker-compose.yml itself (PostgreSQL's password), not by the application. */
    private static final Set<String> COMPOSE_ONLY = Set.of("VIGIL_DB_PASSWORD");
    /** Read by the local file store only; the cluster uses the object store. */
    private static final Set<String> LOCAL_ONLY = Set.of("VIGIL_STORAGE_LOCAL_ROOT");
    /** Not properties: the feed connections read their credentials from the variables their settings name. */
    private static final Set<String> FEED_CREDENTIALS =
            Set.of("VIGIL_CH_STREAM_KEY", "VIGIL_KBO_USER", "VIGIL_KBO_PASSWORD");

    @Test
    void composeRunsPostgresMinioMailpitTwoNodesAndAProxyEachImagePinnedToARelease() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services)
                .containsOnlyKeys("postgres", "minio", "minio-bucket", "mailpit", "vigil-1", "vigil-2", "proxy");
        String version = Pattern.compile("<artifactId>vigil</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        services.forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name + " names its image").isNotBlank();
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(image).as(name + " has a tag").contains(":");
            if (name.startsWith("vigil-")) {
                assertThat(tag)
                        .as(name + " runs the image spring-boot:build-image names after the project's version")
                        .isEqualTo(version);
            } else {
                assertThat(tag)
                        .as(name + " is pinned to a release, not a moving tag: " + image)
                        .matches(
                                "v?\\d+\\.\\d+(\\.\\d+)?(-alpine)?|RELEASE\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z");
            }
        });
        assertThat((String) services.get("postgres").get("image")).startsWith("postgres:18");
        Map<String, Object> one = new LinkedHashMap<>(services.get("vigil-1"));
        Map<String, Object> two = new LinkedHashMap<>(services.get("vigil-2"));
        Map<String, Object> oneEnvironment = new LinkedHashMap<>(environment(one));
        Map<String, Object> twoEnvironment = new LinkedHashMap<>(environment(two));
        assertThat(oneEnvironment.remove("VIGIL_WATCHDOG_NODE_NAME"))
                .as("each node has a name of its own")
                .isNotEqualTo(twoEnvironment.remove("VIGIL_WATCHDOG_NODE_NAME"));
        one.remove("environment");
        two.remove("environment");
        assertThat(one).as("the nodes are alike").isEqualTo(two);
        assertThat(oneEnvironment).isEqualTo(twoEnvironment);
        assertThat(services.get("vigil-1").get("ports"))
                .as("the nodes are reached through the proxy only")
                .isNull();
        assertThat(services.get("vigil-1").get("healthcheck").toString()).contains("/workspace/health-check");
        assertThat(Files.readString(Path.of("pom.xml")))
                .as("the image gets the health checker its Compose health check runs")
                .contains("<BP_HEALTH_CHECKER_ENABLED>true</BP_HEALTH_CHECKER_ENABLED>");

        Map<String, Object> environment = environment(services.get("vigil-1"));
        assertThat(environment.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql://postgres:");
        assertThat(environment.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(environment.get("VIGIL_DEMO_SEED")).isEqualTo("false");
        assertThat(environment.get("VIGIL_STORAGE_TYPE")).isEqualTo("s3");
        assertThat(environment.get("VIGIL_STORAGE_S3_ENDPOINT")).isEqualTo("http://minio:9000");
        assertThat(services.get("minio-bucket").get("entrypoint").toString())
                .as("the bucket the nodes use is created")
                .contains("vigil/" + environment.get("VIGIL_STORAGE_S3_BUCKET"));
    }

    @Test
    void theProxyAlternatesBothNodesWithoutStickinessAndIsTheOnlyPeerWhoseForwardedHeadersAreBelieved()
            throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services.get("proxy").get("volumes").toString()).contains("./config/nginx.conf:");
        String nginx = Files.readString(Path.of("config/nginx.conf"));
        Matcher upstream = Pattern.compile("upstream vigil \\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).as("an upstream of the nodes").isTrue();
        assertThat(upstream.group(1))
                .contains("server vigil-1:8080", "server vigil-2:8080")
                .as("round robin: no hash, no ip_hash, no least_conn, no sticky cookie")
                .doesNotContain("hash", "least_conn", "sticky", "random");
        assertThat(nginx).contains("proxy_set_header X-Forwarded-For $remote_addr;");

        String proxyAddress = ((Map<String, Map<String, String>>)
                        (Map<?, ?>) services.get("proxy").get("networks"))
                .get("vigil")
                .get("ipv4_address");
        String trusted = environment(services.get("vigil-1"))
                .get("VIGIL_TRUSTED_PROXIES")
                .toString();
        Matcher defaultValue =
                Pattern.compile("\\$\\{VIGIL_TRUSTED_PROXIES:-(.+)}").matcher(trusted);
        assertThat(defaultValue.matches()).as(trusted).isTrue();
        assertThat(proxyAddress).matches(defaultValue.group(1));
        assertThat("172.30.0.1").as("not the Docker gateway").doesNotMatch(defaultValue.group(1));
    }

    @Test
    void everyDocumentedVariableReachesItsPropertyAndComposePassesThemAndNoneOther() throws IOException {
        String configuration = Files.readString(Path.of("src/docs/configuration.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        DOCUMENTED.matcher(configuration).results().forEach(m -> documented.put(m.group(1), m.group(2)));
        assertThat(documented)
                .as("the table of variables in src/docs/configuration.md")
                .hasSizeGreaterThan(10);

        String packaged = new String(
                new ClassPathResource("application.yml").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(variables(packaged))
                .as("the packaged application.yml maps documented variables only")
                .isSubsetOf(documented.keySet());

        // as Spring Boot sees them: the packaged application.yml's mappings, then its binding of variables by name
        StandardEnvironment resolved = new StandardEnvironment();
        MutablePropertySources sources = resolved.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        Map<String, Object> variables = new HashMap<>();
        documented.keySet().forEach(name -> variables.put(name, "value-of-" + name));
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new YamlPropertySourceLoader()
                .load("packaged", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        ConfigurationPropertySources.attach(resolved);
        Binder binder = Binder.get(resolved);
        documented.forEach((variable, property) -> assertThat(
                        binder.bind(property, String.class).orElse(null))
                .as(variable + " sets " + property)
                .isEqualTo("value-of-" + variable));

        Set<String> expected = new TreeSet<>(documented.keySet());
        expected.removeAll(LOCAL_ONLY);
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            if (service.getKey().startsWith("vigil-")) {
                Set<String> passed =
                        new TreeSet<>(environment(service.getValue()).keySet());
                passed.removeIf(name -> !name.startsWith("VIGIL_"));
                assertThat(passed)
                        .as(service.getKey() + " passes every documented variable, and no other")
                        .isEqualTo(expected);
            }
        }
        Set<String> known = new TreeSet<>(documented.keySet());
        known.addAll(COMPOSE_ONLY);
        known.addAll(FEED_CREDENTIALS);
        for (String file : new String[] {"docker-compose.yml", "README.md", "src/docs/configuration.md"}) {
            assertThat(variables(Files.readString(Path.of(file))))
                    .as(file + " names only variables of the table (or of Compose itself)")
                    .isSubsetOf(known);
        }
    }

    private static Set<String> variables(String text) {
        return new TreeSet<>(VARIABLE.matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }
}
