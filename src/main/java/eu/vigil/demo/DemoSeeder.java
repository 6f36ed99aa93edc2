package eu.vigil.demo;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.ApiKeyManagement;
import eu.vigil.tenancy.ApiKeyScope;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
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
 * Seeds the demo tenant once, and the demo world (companies and two years of feed history) into an empty
 * registry. On by default only in embedded mode (no database configured); {@code vigil.demo.seed=true|false}
 * decides otherwise, and {@code vigil.demo.world=false} seeds the tenant without the world.
 */
@Component
@Order(100)
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final TenantManagement tenants;
    private final ApiKeyManagement apiKeys;
    private final DemoWorldLoader world;
    private final boolean enabled;
    private final boolean withWorld;

    DemoSeeder(TenantManagement tenants, ApiKeyManagement apiKeys, DemoWorldLoader world, Environment environment) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.world = world;
        Boolean configured = environment.getProperty("vigil.demo.seed", Boolean.class);
        this.enabled = configured != null
                ? configured
                : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        this.withWorld = environment.getProperty("vigil.demo.world", Boolean.class, true);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        TenantContext.runAsPlatform(() -> {
            if (tenants.tenantNamed(DemoAccounts.TENANT_NAME).isEmpty()) {
                seed();
            }
            if (withWorld) {
                world.loadIfEmpty();
            }
        });
        log.info(
                """

                ==================================================================
                 Vigil demo is ready on the portal. Sign in with password '{}':
                {}
                 Demo API keys (Authorization: Bearer <key>):
                   tenant   {}
                   platform {}
                ==================================================================""",
                DemoAccounts.PASSWORD,
                DemoAccounts.ACCOUNTS.stream()
                        .map(a -> String.format("   %-16s %s", a.role(), a.email()))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse(""),
                DemoAccounts.TENANT_API_KEY,
                DemoAccounts.PLATFORM_API_KEY);
    }

    private void seed() {
        UUID demo = tenants.createTenantWithoutInvitation(DemoAccounts.TENANT_NAME, Language.EN);
        for (DemoAccounts.Account account : DemoAccounts.ACCOUNTS) {
            UUID tenant = account.role() == Role.PLATFORM_ADMIN ? TenantContext.PLATFORM : demo;
            tenants.createActiveUser(
                    tenant, account.email(), account.name(), account.role(), account.language(), DemoAccounts.PASSWORD);
        }
        apiKeys.createWithSecret(demo, "Demo ERP integration", ApiKeyScope.TENANT, DemoAccounts.TENANT_API_KEY);
        apiKeys.createWithSecret(
                TenantContext.PLATFORM,
                "Demo platform automation",
                ApiKeyScope.PLATFORM,
                DemoAccounts.PLATFORM_API_KEY);
        log.info("Seeded the demo tenant '{}'", DemoAccounts.TENANT_NAME);
    }
}
