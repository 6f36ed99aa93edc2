package eu.vigil.demo;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.shared.Language;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.watchlist.ApiImports;
import eu.vigil.watchlist.ImportReport;
import eu.vigil.watchlist.Uploader;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With demo data on, gives the demo tenant a watchlist once, through the real upload path: up to 40 companies Vigil
 * already knows (whatever the feeds have brought so far), owned by the credit manager or the sales person, the companies
 * with good news in the demo world's last month as the sales person's prospects, and two numbers Vigil does not know.
 */
@Component
@Order(200)
class DemoWatchlist implements ApplicationRunner {

    static final String NAME = "Key customers";
    private static final String SALES = "sales@demo.example";
    private static final String CREDIT = "credit@demo.example";
    private static final List<String> GROWING = List.of(
            "Nova Software",
            "Logistiek De Clercq",
            "Sequoia Software",
            "Électricité Marchal",
            "Constructions métalliques Lambert");

    private static final Logger log = LoggerFactory.getLogger(DemoWatchlist.class);

    private final TenantManagement tenants;
    private final WatchlistManagement watchlists;
    private final ApiImports imports;
    private final CompanyDirectory directory;
    private final boolean enabled;

    DemoWatchlist(
            TenantManagement tenants,
            WatchlistManagement watchlists,
            ApiImports imports,
            CompanyDirectory directory,
            Environment environment) {
        this.directory = directory;
        this.tenants = tenants;
        this.watchlists = watchlists;
        this.imports = imports;
        Boolean configured = environment.getProperty("vigil.demo.seed", Boolean.class);
        this.enabled = configured != null
                ? configured
                : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            TenantContext.callAsPlatform(() -> tenants.tenantNamed(DemoAccounts.TENANT_NAME))
                    .ifPresent(this::seed);
        } catch (RuntimeException e) {
            log.warn("Could not seed the demo watchlist: {}", e.getMessage());
        }
    }

    private void seed(UUID tenant) {
        TenantContext.runAs(tenant, () -> {
            if (!watchlists.watchlists().isEmpty()) {
                return;
            }
            List<String> known = directory.firstKnown("BE", 40).stream()
                    .map(CompanyId::number)
                    .toList();
            // companies the demo world gives good news in its last month (it loads those months after this list), as
            // the
            // sales person's prospects: the opportunities on their home page
            List<String> growing = GROWING.stream()
                    .flatMap(name -> directory.suggest(name, 1, "en").stream())
                    .map(company -> company.companyId().number())
                    .toList();
            StringBuilder csv = new StringBuilder("Customer;VAT number;Type;Credit limit;Account manager;Tags\r\n");
            int row = 0;
            for (String number : growing) {
                row++;
                csv.append("P-")
                        .append(100 + row)
                        .append(";BE")
                        .append(number)
                        .append(";prospect;;")
                        .append(SALES)
                        .append(";growth\r\n");
            }
            for (String number : known) {
                row++;
                // the sales person owns every third company, the credit manager the others: each has a view of their
                // own
                csv.append("C-")
                        .append(1000 + row)
                        .append(";BE")
                        .append(number)
                        .append(';')
                        .append(row % 4 == 0 ? "supplier" : "customer")
                        .append(';')
                        .append(row * 5000)
                        .append(" EUR;")
                        .append(row % 3 == 0 ? SALES : CREDIT)
                        .append(';')
                        .append(row % 5 == 0 ? "key account" : "")
                        .append("\r\n");
            }
            csv.append("C-2001;FR552100554;prospect;;")
                    .append(SALES)
                    .append(";france\r\nC-2002;IT00743110157;supplier;25000 EUR;")
                    .append(CREDIT)
                    .append(";italy\r\n");
            UUID list = watchlists.create(NAME).id();
            ImportReport report = imports.importFile(
                    list,
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                    "demo-customers.csv",
                    new Uploader("demo", null, null, Language.EN));
            log.info(
                    "Seeded the demo watchlist '{}': {} accepted, {} pending",
                    NAME,
                    report.accepted().size(),
                    report.pending().size());
        });
    }
}
