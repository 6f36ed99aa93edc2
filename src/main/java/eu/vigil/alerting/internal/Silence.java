package eu.vigil.alerting.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A person's mute of a company until a moment, with a reason. */
@Entity
@Table(name = "alert_silence")
public class Silence {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(nullable = false, updatable = false)
    private String country;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(nullable = false)
    private Instant until;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Silence() {}

    public Silence(
            UUID tenantId, UUID userId, long companyId, String country, String number, Instant until, String reason) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.userId = userId;
        this.companyId = companyId;
        this.country = country;
        this.number = number;
        this.until = until;
        this.reason = reason;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getCountry() {
        return country;
    }

    public String getNumber() {
        return number;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUntil() {
        return until;
    }

    public String getReason() {
        return reason;
    }
}
