package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.VigilApplication;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full Vigil instances of a test's own, on a database and an SMTP server of that test's own: for what the shared test
 * context cannot show, several instances at once or an outbox lease of seconds.
 */
final class OwnInstances {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private OwnInstances() {}

    /**
     * Starts instance {@code instance} of Quartz cluster {@code cluster}: each test class names a cluster of its own, since
     * Quartz keys its JVM-wide connection providers by scheduler name, and sharing the name of another test context's
     * scheduler would hand that context this database (and back a closed pool).
     */
    static ConfigurableApplicationContext start(
            String cluster,
            String instance,
            String jdbcUrl,
            int smtpPort,
            int smtpTimeoutMillis,
            Map<String, String> overrides) {
        String work = "target/" + cluster + "/" + instance;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("server.port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
            properties.put("spring.mail.properties[mail.smtp." + timeout + "]", String.valueOf(smtpTimeoutMillis));
        }
        properties.put("spring.quartz.scheduler-name", cluster);
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceId", instance);
        properties.put("vigil.demo.seed", "false");
        properties.put("vigil.feeds.inbox", work + "/inbox");
        properties.put("vigil.feeds.uploads", work + "/uploads");
        properties.put("vigil.alerts.instance", instance);
        properties.put("vigil.alerts.group-window", "0s");
        properties.put("vigil.alerts.poll-interval", "100ms");
        properties.put("logging.level.root", "WARN");
        properties.putAll(overrides);
        return new SpringApplicationBuilder(VigilApplication.class)
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    /**
     * Registers the companies, then {@code tenants} tenants whose {@code managers} credit managers each (in turn in every
     * language) watch all of them; answers the managers' addresses.
     */
    static List<String> creditManagersWatching(
            ConfigurableApplicationContext app, int tenants, int managers, List<String> numbers) {
        ingest(app, numbers, "000");
        TenantManagement tenancy = app.getBean(TenantManagement.class);
        WatchlistManagement watchlists = app.getBean(WatchlistManagement.class);
        List<String> recipients = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            UUID tenant = TenantContext.callAsPlatform(
                    () -> tenancy.createTenantWithoutInvitation("Twin " + suffix, Language.EN));
            for (int m = 0; m < managers; m++) {
                String email = "credit-" + m + "-" + suffix + "@twin.test";
                TenantContext.callAsPlatform(() -> tenancy.createActiveUser(
                        tenant,
                        email,
                        "Credit",
                        Role.CREDIT_MANAGER,
                        Language.values()[recipients.size() % Language.values().length],
                        "correct horse battery staple"));
                recipients.add(email);
            }
            TenantContext.runAs(tenant, () -> {
                UUID list = watchlists.create("Customers").id();
                numbers.forEach(
                        number -> watchlists.add(list, number, new EntryData(null, null, null, null, null, List.of())));
            });
        }
        return recipients;
    }

    /** A KBO Update that puts these companies (named "Tweeling" and their number) in juridical situation {@code situation}. */
    static void ingest(ConfigurableApplicationContext app, List<String> numbers, String situation) {
        KboUpdates.Enterprise[] enterprises = numbers.stream()
                .map(n -> new KboUpdates.Enterprise(n, "Tweeling " + n, situation, !"000".equals(situation)))
                .toArray(KboUpdates.Enterprise[]::new);
        RunView run = app.getBean(FeedIngestion.class)
                .ingestNow(
                        "kbo",
                        new ByteArrayInputStream(KboUpdates.update(KBO_DATE.format(LocalDate.now()), enterprises)),
                        "twins.zip",
                        true,
                        "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }
}
