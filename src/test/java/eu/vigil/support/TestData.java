package eu.vigil.support;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.ApiKeyManagement;
import eu.vigil.tenancy.ApiKeyScope;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.VigilUser;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Makes tenants and people for a test, each with names no other test uses. */
@TestComponent
public class TestData {

    public static final String BOOTSTRAP_KEY = "vgl_test_bootstrap_platform_key";
    public static final String BOOTSTRAP_ADMIN = "ops@vigil.test";
    public static final String PASSWORD = "correct horse battery staple";

    private final TenantManagement tenants;
    private final ApiKeyManagement apiKeys;

    TestData(TenantManagement tenants, ApiKeyManagement apiKeys) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
    }

    public TestTenant tenant(String label) {
        return tenant(label, Language.EN);
    }

    /** A tenant whose language (and its admin's) is {@code language}. */
    public TestTenant tenant(String label, Language language) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return TenantContext.callAsPlatform(() -> {
            String name = label + " " + suffix;
            UUID id = tenants.createTenantWithoutInvitation(name, language);
            TestUser admin = user(
                    id,
                    "admin-" + suffix + "@" + label.toLowerCase().replace(' ', '-') + ".test",
                    Role.TENANT_ADMIN,
                    language);
            String key = "vgl_test_" + suffix + "_" + UUID.randomUUID();
            apiKeys.createWithSecret(id, "Test key", ApiKeyScope.TENANT, key);
            return new TestTenant(id, name, admin, key);
        });
    }

    public TestUser user(UUID tenantId, String email, Role role, Language language) {
        return TenantContext.callAsPlatform(() -> {
            UUID userId = tenants.createActiveUser(tenantId, email, "Test " + role, role, language, PASSWORD);
            return new TestUser(userId, tenantId, email, role, language);
        });
    }

    public TestUser member(TestTenant tenant, Role role, Language language) {
        return user(
                tenant.id(),
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@member.test",
                role,
                language);
    }

    public record TestTenant(UUID id, String name, TestUser admin, String apiKey) {}

    public record TestUser(UUID id, UUID tenantId, String email, Role role, Language language) {

        /** The principal MockMvc signs in with; the app re-reads it from the database on each request. */
        public VigilUser principal() {
            return new VigilUser(id, tenantId, email, "Test " + role, role, language, "Europe/Brussels", null);
        }
    }
}
