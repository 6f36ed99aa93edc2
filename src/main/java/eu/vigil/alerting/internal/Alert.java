package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** An alert as the inbox and the API see it; the fan-out inserts them set-based, never through this entity. */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "rule_id", updatable = false)
    private UUID ruleId;

    @Column(name = "signal_event_id", nullable = false, updatable = false)
    private long signalEventId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(nullable = false, updatable = false)
    private String country;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false, updatable = false)
    private String polarity;

    @Column(nullable = false, updatable = false)
    private String severity;

    @Column(name = "effective_date", nullable = false, updatable = false)
    private LocalDate effectiveDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "watchlist_ids", nullable = false, updatable = false)
    private UUID[] watchlistIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "owner_ids", nullable = false, updatable = false)
    private UUID[] ownerIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertState state;

    @Column(name = "assignee_id")
    private UUID assigneeId;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Alert() {}

    /** New becomes acknowledged; an acknowledged or resolved alert stays as it is. */
    public void acknowledge(String actor) {
        if (state == AlertState.NEW) {
            state = AlertState.ACKNOWLEDGED;
            acknowledgedBy = actor;
            acknowledgedAt = Instant.now();
        }
    }

    /** Resolved, whatever it was; acknowledged on the way if it was new. */
    public void resolve(String actor) {
        acknowledge(actor);
        if (state != AlertState.RESOLVED) {
            state = AlertState.RESOLVED;
            resolvedAt = Instant.now();
        }
    }

    /** Back to new, for someone to look at again. */
    public void reopen() {
        state = AlertState.NEW;
        acknowledgedBy = null;
        acknowledgedAt = null;
        resolvedAt = null;
    }

    /** {@code userId} null: nobody. */
    public void assign(UUID userId) {
        assigneeId = userId;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public UUID[] getOwnerIds() {
        return ownerIds.clone();
    }

    public Long getId() {
        return id;
    }

    public UUID getRuleId() {
        return ruleId;
    }

    public long getSignalEventId() {
        return signalEventId;
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

    public String getCode() {
        return code;
    }

    public String getPolarity() {
        return polarity;
    }

    public String getSeverity() {
        return severity;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public UUID[] getWatchlistIds() {
        return watchlistIds.clone();
    }

    public AlertState getState() {
        return state;
    }

    public UUID getAssigneeId() {
        return assigneeId;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
