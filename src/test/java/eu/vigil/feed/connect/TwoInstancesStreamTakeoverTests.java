package eu.vigil.feed.connect;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.VigilApplication;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Address;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Profile;
import eu.vigil.support.Wait;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two full Vigil instances on one database, both with the Companies House connection enabled as an operator would: one
 * of them pulls the stream, the other waits; when the puller stops, or its process is killed in the middle of the
 * stream, the other takes the stream over from the last committed timepoint, and every event is applied once, in order.
 */
@Tag("instances")
class TwoInstancesStreamTakeoverTests {

    private static final String KEY = "twin-stream-key";
    private static final Duration INSTANCES = Duration.ofSeconds(90);

    @Test
    void whenThePullingInstanceStopsTheOtherTakesTheStreamOverWithNothingLostOrDoubled() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                CompaniesHouseStreamStub stub = new CompaniesHouseStreamStub(KEY)) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            List<String> first = events(0, 30, "active");
            stub.publish("companies", first);
            ConfigurableApplicationContext one = start("one", url, stub);
            try (ConfigurableApplicationContext two = start("two", url, stub)) {
                JdbcTemplate jdbc = two.getBean(JdbcTemplate.class);
                Wait.until(
                        "the first events applied", INSTANCES, () -> last(first).equals(position(jdbc)));
                String puller = holder(jdbc);
                assertThat(puller).isNotNull();
                ConfigurableApplicationContext pulling = puller.equals(nodeOf(one)) ? one : two;
                ConfigurableApplicationContext other = pulling == one ? two : one;

                pulling.close();
                List<String> later = events(30, 30, "liquidation");
                stub.publish("companies", later);

                Wait.until(
                        "the other instance took over",
                        INSTANCES,
                        () -> nodeOf(other).equals(holder(jdbc)));
                Wait.until(
                        "the later events applied", INSTANCES, () -> last(later).equals(position(jdbc)));
                assertThat(jdbc.queryForObject(
                                "select coalesce(sum(rows_applied), 0) from feed_run where source = 'companies-house'",
                                Long.class))
                        .as("every event applied once")
                        .isEqualTo(60);
                assertThat(jdbc.queryForObject(
                                "select count(*) from signal_event where code = 'LIQUIDATION_OPENED'", Long.class))
                        .isEqualTo(30);
                assertThat(jdbc.queryForObject(
                                "select count(distinct owner_node) from feed_run where source = 'companies-house'",
                                Long.class))
                        .as("runs by both instances")
                        .isEqualTo(2);
            } finally {
                one.close();
            }
        }
    }

    @Test
    void whenThePullingInstanceIsKilledMidStreamTheOtherTakesOverAfterTheLeaseFromTheCommittedTimepoint()
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                CompaniesHouseStreamStub stub = new CompaniesHouseStreamStub(KEY)) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            List<String> first = events(0, 30, "active");
            stub.publish("companies", first);
            Path log = Path.of("target/vigil-stream-twins/killed.log");
            Files.createDirectories(log.getParent());
            Process killed = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            KilledInstance.class.getName(),
                            url,
                            stub.endpoint().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                Wait.until(
                        "the first events applied by the instance that will be killed",
                        INSTANCES,
                        () -> killed.isAlive()
                                && tableExists(jdbc)
                                && last(first).equals(position(jdbc)));
                String killedNode = holder(jdbc);
                assertThat(killedNode).isNotNull();
                try (ConfigurableApplicationContext survivor = start("survivor", url, stub.endpoint())) {
                    String survivorNode = nodeOf(survivor);
                    assertThat(holder(jdbc))
                            .as("the stream stays with its puller")
                            .isEqualTo(killedNode);

                    stub.pace(Duration.ofMillis(100));
                    List<String> later = events(30, 30, "liquidation");
                    stub.publish("companies", later);
                    long tenthLater = Long.parseLong(timepoint(later.get(9)));
                    Wait.until(
                            "the killed instance committed part of the later events",
                            INSTANCES,
                            () -> position(jdbc) != null && Long.parseLong(position(jdbc)) >= tenthLater);
                    killed.destroyForcibly().waitFor();
                    int requestsBefore = stub.requests("companies").size();
                    String committed = position(jdbc);
                    Instant leaseEnd = jdbc.queryForObject(
                                    "select lease_until from feed_connection where source = 'companies-house'",
                                    OffsetDateTime.class)
                            .toInstant();
                    assertThat(Long.parseLong(committed))
                            .as("killed in the middle of the stream")
                            .isLessThan(Long.parseLong(last(later)));
                    assertThat(holder(jdbc))
                            .as("a killed process lets nothing go")
                            .isEqualTo(killedNode);

                    Wait.until("the survivor took over", INSTANCES, () -> survivorNode.equals(holder(jdbc)));
                    Wait.until(
                            "the later events applied",
                            INSTANCES,
                            () -> last(later).equals(position(jdbc)));
                    CompaniesHouseStreamStub.Request resumed =
                            stub.requests("companies").get(requestsBefore);
                    assertThat(resumed.timepoint())
                            .as("resumed from the last committed timepoint")
                            .isEqualTo(Long.valueOf(committed));
                    assertThat(resumed.at()).as("not before the lease ran out").isAfterOrEqualTo(leaseEnd);
                    assertThat(jdbc.queryForObject(
                                    "select coalesce(sum(rows_applied), 0) from feed_run "
                                            + "where source = 'companies-house' and status = 'COMPLETED'",
                                    Long.class))
                            .as("every event applied once")
                            .isEqualTo(60);
                    assertThat(jdbc.queryForObject(
                                    "select count(*) from signal_event where code = 'LIQUIDATION_OPENED'", Long.class))
                            .isEqualTo(30);
                    assertThat(jdbc.queryForList(
                                    "select distinct owner_node from feed_run where source = 'companies-house' "
                                            + "and status = 'COMPLETED'",
                                    String.class))
                            .as("runs by both instances")
                            .containsExactlyInAnyOrder(killedNode, survivorNode);
                }
            } finally {
                killed.destroyForcibly().waitFor();
            }
        }
    }

    /** A full instance in a process of its own, for the test to kill: JDBC URL and stream endpoint as arguments. */
    static final class KilledInstance {
        public static void main(String[] args) {
            start("killed", args[0], URI.create(args[1]));
        }
    }

    private static ConfigurableApplicationContext start(String instance, String url, CompaniesHouseStreamStub stub) {
        return start(instance, url, stub.endpoint());
    }

    private static ConfigurableApplicationContext start(String instance, String url, URI endpoint) {
        String work = "target/vigil-stream-twins/" + instance;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", "postgres");
        properties.put("server.port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", "1");
        properties.put("spring.quartz.scheduler-name", "vigil-stream-twins");
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceId", instance);
        properties.put("vigil.demo.seed", "false");
        properties.put("vigil.feeds.inbox", work + "/inbox");
        properties.put("vigil.feeds.uploads", work + "/uploads");
        properties.put("vigil.feeds.connections.lease", "2s");
        properties.put("vigil.feeds.connections.companies-house.enabled", "true");
        properties.put("vigil.feeds.connections.companies-house.endpoint", endpoint.toString());
        properties.put("vigil.feeds.connections.companies-house.streams", "companies");
        properties.put("vigil.feeds.connections.companies-house.commit-every", "300ms");
        properties.put("VIGIL_CH_STREAM_KEY", KEY);
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(VigilApplication.class)
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    /** The instance's name on its database connections, which is its name as a lease holder. */
    private static String nodeOf(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject("select current_setting('application_name', true)", String.class);
    }

    private static String holder(JdbcTemplate jdbc) {
        List<String> values = jdbc.queryForList(
                "select holder from feed_connection where source = 'companies-house' and stream = 'companies'",
                String.class);
        return values.isEmpty() ? null : values.getFirst();
    }

    private static String position(JdbcTemplate jdbc) {
        List<String> values = jdbc.queryForList(
                "select position from feed_connection where source = 'companies-house' and stream = 'companies'",
                String.class);
        return values.isEmpty() ? null : values.getFirst();
    }

    private static String last(List<String> lines) {
        return timepoint(lines.getLast());
    }

    private static String timepoint(String line) {
        var m = java.util.regex.Pattern.compile("\"timepoint\":(\\d+)").matcher(line);
        m.find();
        return m.group(1);
    }

    private static boolean tableExists(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select to_regclass('feed_connection') is not null", Boolean.class);
    }

    private static List<String> events(int from, int count, String status) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int company = i;
            Profile profile = new Profile(
                    "8%07d".formatted(company),
                    "TWIN " + company + " LIMITED",
                    "ltd",
                    LocalDate.of(2014, 2, 1),
                    null,
                    status,
                    null,
                    new Address("1 Twin Street", "Hull", "HU1 1AA", "England"),
                    List.of("62020"),
                    false,
                    false,
                    false,
                    LocalDate.of(2025, 12, 31),
                    false);
            lines.add(CompaniesHouseStreamWriter.line(
                    CompaniesHouseStreamWriter.profile(profile, 7_000_000L + from + i, "2026-12-07T10:00:00")));
        }
        return lines;
    }
}
