package eu.vigil.tenancy;

import eu.vigil.tenancy.internal.AppUser;
import eu.vigil.tenancy.internal.AppUserRepository;
import eu.vigil.tenancy.internal.Tenant;
import eu.vigil.tenancy.internal.TenantRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants, for platform admins and provisioning scripts. */
@Service
public class TenantManagement {

    private final TenantRepository tenants;
    private final AppUserRepository users;
    private final UserManagement userManagement;
    private final ApiKeyManagement apiKeys;
    private final TenancyProperties properties;
    private final ApplicationEventPublisher events;

    TenantManagement(TenantRepository tenants, AppUserRepository users, UserManagement userManagement,
                     ApiKeyManagement apiKeys, TenancyProperties properties, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.users = users;
        this.userManagement = userManagement;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<TenantView> tenants() {
        requirePlatform();
        return tenants.findAllByPlatformFalseOrderByNameAsc().stream()
                .map(t -> new TenantView(t.getId(), t.getName(), Language.fromCode(t.getLanguage()).orElse(Language.EN),
                        t.getTimeZone(), t.getCreatedAt(), users.countByTenantId(t.getId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<TenantView> tenant(UUID id) {
        return tenants.findById(id).filter(t -> !t.isPlatform())
                .filter(t -> TenantContext.isPlatform() || t.getId().equals(TenantContext.current().orElse(null)))
                .map(t -> new TenantView(t.getId(), t.getName(), Language.fromCode(t.getLanguage()).orElse(Language.EN),
                        t.getTimeZone(), t.getCreatedAt(), users.countByTenantId(t.getId())));
    }

    /** Creates a tenant and invites its first admin; with {@code withApiKey}, also a tenant API key. */
    @Transactional
    public CreatedTenant createTenant(String rawName, Language language, String adminEmail, boolean withApiKey) {
        requirePlatform();
        String name = rawName == null ? "" : rawName.trim();
        // a name goes into mail subjects and headers: no line breaks or other control characters
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new TenancyException("tenants.error.name");
        }
        if (tenants.existsByNameIgnoreCase(name)) {
            throw new TenancyException("tenants.error.nameTaken");
        }
        Tenant tenant = tenants.save(new Tenant(name, language.code(), properties.defaultTimeZone()));
        events.publishEvent(new AccountActivity.TenantCreated(tenant.getId(), Actors.current(), name));
        AppUser admin = userManagement.inviteInto(tenant.getId(), adminEmail, Role.TENANT_ADMIN, language);
        String secret = withApiKey ? apiKeys.createFor(tenant.getId(), "Provisioning", ApiKeyScope.TENANT, null).secret() : null;
        return new CreatedTenant(tenant.getId(), admin.getId(), secret);
    }

    /** Creates a tenant whose people get passwords straight away (demo data, never a real deployment). */
    @Transactional
    public UUID createTenantWithoutInvitation(String name, Language language) {
        requirePlatform();
        Tenant tenant = tenants.save(new Tenant(name, language.code(), properties.defaultTimeZone()));
        events.publishEvent(new AccountActivity.TenantCreated(tenant.getId(), Actors.current(), name));
        return tenant.getId();
    }

    @Transactional(readOnly = true)
    public Optional<UUID> tenantNamed(String name) {
        return tenants.findAll().stream().filter(t -> t.getName().equalsIgnoreCase(name)).map(Tenant::getId).findFirst();
    }

    /** Adds a person who can sign in at once with {@code password} (platform bootstrap and demo data). */
    @Transactional
    public UUID createActiveUser(UUID tenantId, String email, String displayName, Role role, Language language, String password) {
        requirePlatform();
        return userManagement.createActive(tenantId, email, displayName, role, language, password).getId();
    }

    private static void requirePlatform() {
        if (!TenantContext.isPlatform()) {
            throw new AccessDeniedException("Platform administrators only");
        }
    }
}
