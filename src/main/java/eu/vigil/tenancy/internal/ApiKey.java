package eu.vigil.tenancy.internal;

import eu.vigil.tenancy.ApiKeyScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An API key; the secret itself is shown once and only its SHA-256 is kept. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiKeyScope scope;

    @Column(name = "display_hint", nullable = false)
    private String displayHint;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    public ApiKey(
            UUID tenantId, String name, ApiKeyScope scope, String displayHint, String secretHash, String createdBy) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.scope = scope;
        this.displayHint = displayHint;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public ApiKeyScope getScope() {
        return scope;
    }

    public String getDisplayHint() {
        return displayHint;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
