package eu.vigil.tenancy;

import eu.vigil.shared.Language;
import eu.vigil.shared.NotFoundException;
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

    TenantManagement(
            TenantRepository tenants,
            AppUserRepository users,
            UserManagement userManagement,
            ApiKeyManagement apiKeys,
            TenancyProperties properties,
            ApplicationEventPublisher events) {
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
                .map(t -> new TenantView(
                        t.getId(),
                        t.getName(),
                        Language.fromCode(t.getLanguage()).orElse(Language.EN),
                        t.getTimeZone(),
                        t.getCreatedAt(),
                        users.countByTenantId(t.getId()),
                        t.getCountry()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<TenantView> tenant(UUID id) {
        return tenants.findById(id)
                .filter(t -> !t.isPlatform())
                .filter(t -> TenantContext.isPlatform()
                        || t.getId().equals(TenantContext.current().orElse(null)))
                .map(t -> new TenantView(
                        t.getId(),
                        t.getName(),
                        Language.fromCode(t.getLanguage()).orElse(Language.EN),
                        t.getTimeZone(),
                        t.getCreatedAt(),
                        users.countByTenantId(t.getId()),
                        t.getCountry()));
    }

    /** The countries whose company numbers Vigil reads, which a tenant's numbers without a prefix can belong to. */
    public static final List<String> COUNTRIES = List.of("BE", "FR", "IT", "NL", "DE", "LU", "GB");

    /** Creates a tenant in Belgium (see the other form). */
    @Transactional
    public CreatedTenant createTenant(String rawName, Language language, String adminEmail, boolean withApiKey) {
        return createTenant(rawName, language, null, adminEmail, withApiKey);
    }

    /**
     * Creates a tenant and invites its first admin; with {@code withApiKey}, also a tenant API key. {@code country}
     * (null: BE) is where its company numbers written without a prefix belong.
     */
    @Transactional
    public CreatedTenant createTenant(
            String rawName, Language language, String country, String adminEmail, boolean withApiKey) {
        requirePlatform();
        String code = countryCode(country);
        String name = rawName == null ? "" : rawName.trim();
        // a name goes into mail subjects and headers: no line breaks or other control characters
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new TenancyException("tenants.error.name");
        }
        if (tenants.existsByNameIgnoreCase(name)) {
            throw new TenancyException("tenants.error.nameTaken");
        }
        Tenant tenant = new Tenant(name, language.code(), properties.defaultTimeZone());
        tenant.changeCountry(code);
        tenant = tenants.save(tenant);
        events.publishEvent(new AccountActivity.TenantCreated(tenant.getId(), Actors.current(), name));
        AppUser admin = userManagement.inviteInto(tenant.getId(), adminEmail, Role.TENANT_ADMIN, language);
        String secret = withApiKey
                ? apiKeys.createFor(tenant.getId(), "Provisioning", ApiKeyScope.TENANT, null)
                        .secret()
                : null;
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

    /** The signed-in tenant's country of numbers without a prefix. */
    @Transactional(readOnly = true)
    public String country() {
        return tenants.findById(TenantContext.require()).map(Tenant::getCountry).orElse("BE");
    }

    /** Changes the signed-in tenant's country of numbers without a prefix (its admins and tenant keys). */
    @Transactional
    public void changeCountry(String country) {
        String code = countryCode(country);
        Tenant tenant = tenants.findById(TenantContext.require())
                .filter(t -> !t.isPlatform())
                .orElseThrow(() -> new NotFoundException("Tenant"));
        String before = tenant.getCountry();
        tenant.changeCountry(code);
        if (!code.equals(before)) {
            events.publishEvent(Audited.of("TenantCountryChanged", tenant.getName(), before, code));
        }
    }

    private static String countryCode(String country) {
        if (country == null || country.isBlank()) {
            return "BE";
        }
        String code = country.strip().toUpperCase(java.util.Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new TenancyException("tenants.error.country", country.strip());
        }
        return code;
    }

    @Transactional(readOnly = true)
    public Optional<UUID> tenantNamed(String name) {
        return tenants.findAll().stream()
                .filter(t -> t.getName().equalsIgnoreCase(name))
                .map(Tenant::getId)
                .findFirst();
    }

    /** Adds a person who can sign in at once with {@code password} (platform bootstrap and demo data). */
    @Transactional
    public UUID createActiveUser(
            UUID tenantId, String email, String displayName, Role role, Language language, String password) {
        requirePlatform();
        return userManagement
                .createActive(tenantId, email, displayName, role, language, password)
                .getId();
    }

    private static void requirePlatform() {
        if (!TenantContext.isPlatform()) {
            throw new AccessDeniedException("Platform administrators only");
        }
    }
}
