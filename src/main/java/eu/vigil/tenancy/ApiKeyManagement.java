package eu.vigil.tenancy;

import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.internal.ApiKey;
import eu.vigil.tenancy.internal.ApiKeyRepository;
import eu.vigil.tenancy.internal.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** API keys: created and revoked by admins, shown once, stored as a hash. */
@Service
public class ApiKeyManagement {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ApiKeyManagement(
            ApiKeyRepository keys, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.events = events;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** The bound tenant's keys; for the platform, the platform's own keys. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> keys() {
        return keys.findAllByOrderByCreatedAtDesc().stream()
                .filter(this::visibleHere)
                .map(ApiKeyManagement::view)
                .toList();
    }

    @Transactional
    public CreatedApiKey create(String rawName) {
        String name = rawName == null ? "" : rawName.trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new TenancyException("apikeys.error.name");
        }
        UUID tenant = TenantContext.require();
        return createFor(tenant, name, TenantContext.isPlatform() ? ApiKeyScope.PLATFORM : ApiKeyScope.TENANT, null);
    }

    /** With {@code secret} null a random one is made; a given one is for provisioning and demo data. */
    CreatedApiKey createFor(UUID tenantId, String name, ApiKeyScope scope, String secret) {
        String value = secret == null ? Secrets.newApiKey() : secret;
        ApiKey key = keys.save(
                new ApiKey(tenantId, name, scope, Secrets.hint(value), Secrets.sha256(value), Actors.current()));
        events.publishEvent(new AccountActivity.ApiKeyCreated(tenantId, Actors.current(), name));
        return new CreatedApiKey(view(key), value);
    }

    @Transactional
    public void revoke(UUID id) {
        ApiKey key = keys.findById(id).filter(this::visibleHere).orElseThrow(() -> new NotFoundException("API key"));
        if (key.isActive()) {
            key.revoke();
            events.publishEvent(new AccountActivity.ApiKeyRevoked(key.getTenantId(), Actors.current(), key.getName()));
        }
    }

    /** Who is calling with this secret, if it is a live key. */
    public Optional<ApiClient> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return TenantContext.callAsPlatform(() ->
                tx.execute(status -> keys.findBySecretHash(Secrets.sha256(secret.trim()))
                        .filter(ApiKey::isActive)
                        .map(key -> {
                            Instant now = Instant.now();
                            keys.touch(key.getId(), now, now.minus(TOUCH_INTERVAL));
                            return new ApiClient(key.getId(), key.getTenantId(), key.getName(), key.getScope());
                        })));
    }

    @Transactional(readOnly = true)
    public boolean platformKeyExists() {
        return keys.existsByScope(ApiKeyScope.PLATFORM);
    }

    @Transactional
    public CreatedApiKey createWithSecret(UUID tenantId, String name, ApiKeyScope scope, String secret) {
        if (!TenantContext.isPlatform()) {
            throw new org.springframework.security.access.AccessDeniedException("Platform administrators only");
        }
        return createFor(tenantId, name, scope, secret);
    }

    private boolean visibleHere(ApiKey key) {
        return !TenantContext.isPlatform() || key.getScope() == ApiKeyScope.PLATFORM;
    }

    private static ApiKeyView view(ApiKey key) {
        return new ApiKeyView(
                key.getId(),
                key.getName(),
                key.getScope(),
                key.getDisplayHint(),
                key.getCreatedBy(),
                key.getCreatedAt(),
                key.getLastUsedAt(),
                key.getRevokedAt());
    }
}
