package eu.vigil.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    private String detail;

    @Column(name = "remote_addr")
    private String remoteAddr;

    protected AuditEvent() {}

    public AuditEvent(UUID tenantId, String actor, String action, String target, String detail, String remoteAddr) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.occurredAt = Instant.now();
        this.actor = truncate(actor, 320);
        this.action = action;
        this.target = truncate(target, 400);
        this.detail = truncate(detail, 2000);
        this.remoteAddr = truncate(remoteAddr, 64);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public UUID getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getRemoteAddr() {
        return remoteAddr;
    }
}
