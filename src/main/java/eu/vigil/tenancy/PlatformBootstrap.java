package eu.vigil.tenancy;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.internal.AppUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Sets up an empty deployment from the environment: {@code VIGIL_BOOTSTRAP_API_KEY} becomes the first
 * platform key, {@code VIGIL_ADMIN_EMAIL} / {@code VIGIL_ADMIN_PASSWORD} the first platform admin. Nodes that start
 * together on an empty database take turns (a transaction-scoped advisory lock), so that only the first creates them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlatformBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);

    private final TenancyProperties.Bootstrap bootstrap;
    private final ApiKeyManagement apiKeys;
    private final TenantManagement tenants;
    private final AppUserRepository users;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    PlatformBootstrap(
            TenancyProperties properties,
            ApiKeyManagement apiKeys,
            TenantManagement tenants,
            AppUserRepository users,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc) {
        this.bootstrap = properties.bootstrap();
        this.apiKeys = apiKeys;
        this.tenants = tenants;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(bootstrap.apiKey()) && !StringUtils.hasText(bootstrap.adminEmail())) {
            return;
        }
        // the transaction opens as the platform: its session is scoped to the platform's tenant
        TenantContext.runAsPlatform(() -> transactions.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtext('vigil-platform-bootstrap'))", row -> {});
            bootstrap();
        }));
    }

    private void bootstrap() {
        if (StringUtils.hasText(bootstrap.apiKey()) && !apiKeys.platformKeyExists()) {
            apiKeys.createWithSecret(
                    TenantContext.PLATFORM,
                    "Bootstrap",
                    ApiKeyScope.PLATFORM,
                    bootstrap.apiKey().trim());
            log.info("Created the first platform API key from VIGIL_BOOTSTRAP_API_KEY");
        }
        if (StringUtils.hasText(bootstrap.adminEmail())
                && StringUtils.hasText(bootstrap.adminPassword())
                && users.countByRoleAndStatus(Role.PLATFORM_ADMIN, eu.vigil.tenancy.internal.AppUser.Status.ACTIVE)
                        == 0) {
            tenants.createActiveUser(
                    TenantContext.PLATFORM,
                    bootstrap.adminEmail(),
                    "Platform admin",
                    Role.PLATFORM_ADMIN,
                    Language.EN,
                    bootstrap.adminPassword());
            log.info("Created the first platform admin {}", bootstrap.adminEmail());
        }
    }
}
