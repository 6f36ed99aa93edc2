package eu.vigil.watchlist;

import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With demo data on, gives the demo tenant a watchlist once: up to 40 companies Vigil already knows
 * (whatever the feeds have brought so far) plus two numbers it does not, through the real upload path.
 */
@Component
@Order(200)
class WatchlistDemo implements ApplicationRunner {

    static final String DEMO_TENANT = "Demo Trading NV";
    static final String NAME = "Key customers";

    private static final Logger log = LoggerFactory.getLogger(WatchlistDemo.class);

    private final TenantManagement tenants;
    private final WatchlistManagement watchlists;
    private final WatchlistImports imports;
    private final JdbcTemplate jdbc;
    private final boolean enabled;

    WatchlistDemo(TenantManagement tenants, WatchlistManagement watchlists, WatchlistImports imports, JdbcTemplate jdbc,
                  Environment environment) {
        this.tenants = tenants;
        this.watchlists = watchlists;
        this.imports = imports;
        this.jdbc = jdbc;
        Boolean configured = environment.getProperty("vigil.demo.seed", Boolean.class);
        this.enabled = configured != null ? configured : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            TenantContext.callAsPlatform(() -> tenants.tenantNamed(DEMO_TENANT)).ifPresent(this::seed);
        } catch (RuntimeException e) {
            log.warn("Could not seed the demo watchlist: {}", e.getMessage());
        }
    }

    private void seed(UUID tenant) {
        TenantContext.runAs(tenant, () -> {
            if (!watchlists.watchlists().isEmpty()) {
                return;
            }
            List<String> known = jdbc.queryForList("select number from company where country = 'BE' order by id limit 40", String.class);
            StringBuilder csv = new StringBuilder("Customer;VAT number;Type;Credit limit;Tags\r\n");
            int row = 0;
            for (String number : known) {
                row++;
                csv.append("C-").append(1000 + row).append(";BE").append(number).append(';')
                        .append(row % 4 == 0 ? "supplier" : "customer").append(';').append(row * 5000).append(" EUR;")
                        .append(row % 5 == 0 ? "key account" : "").append("\r\n");
            }
            csv.append("C-2001;FR552100554;prospect;;france\r\nC-2002;IT00743110157;supplier;25000 EUR;italy\r\n");
            UUID list = watchlists.create(NAME).id();
            ImportReport report = imports.importFile(list, new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                    "demo-customers.csv", new Uploader("demo", null, null, eu.vigil.tenancy.Language.EN));
            log.info("Seeded the demo watchlist '{}': {} accepted, {} pending", NAME, report.accepted().size(), report.pending().size());
        });
    }
}
