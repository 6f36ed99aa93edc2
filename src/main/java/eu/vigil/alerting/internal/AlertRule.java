package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertRuleSpec;
import eu.vigil.alerting.Delivery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "alert_rule")
public class AlertRule {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean enabled = true;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] signals = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] categories = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] polarities = new String[0];

    @Column(name = "min_severity", nullable = false)
    private String minSeverity = "info";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private UUID[] watchlists = new UUID[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] relationships = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] tags = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private UUID[] owners = new UUID[0];

    @Column(name = "min_exposure")
    private BigDecimal minExposure;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_roles", nullable = false)
    private String[] recipientRoles = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_users", nullable = false)
    private UUID[] recipientUsers = new UUID[0];

    @Column(name = "recipient_owner", nullable = false)
    private boolean recipientOwner;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recipient_emails", nullable = false)
    private String[] recipientEmails = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    @Column(name = "delivery_at")
    private LocalTime deliveryAt;

    @Column(name = "delivery_weekday")
    private String deliveryWeekday;

    @Column(name = "default_rule", updatable = false)
    private String defaultRule;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AlertRule() {}

    public AlertRule(UUID tenantId, String defaultRule) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.defaultRule = defaultRule;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /**
     * Replaces everything the rule says with {@code spec}, whose values come already checked and normalised (as
     * {@code AlertRules} does): codes and keys as stored, relationships by their name, {@code delivery.at} as HH:mm.
     */
    public void define(AlertRuleSpec spec) {
        this.name = spec.name();
        this.enabled = spec.enabled() == null || spec.enabled();
        this.signals = spec.match().signals().toArray(String[]::new);
        this.categories = spec.match().categories().toArray(String[]::new);
        this.polarities = spec.match().polarity().toArray(String[]::new);
        this.minSeverity = spec.match().minSeverity();
        this.watchlists = spec.scope().watchlists().toArray(UUID[]::new);
        this.relationships = spec.scope().relationshipTypes().toArray(String[]::new);
        this.tags = spec.scope().tags().toArray(String[]::new);
        this.owners = spec.scope().owners().toArray(UUID[]::new);
        this.minExposure = spec.scope().minExposure();
        this.recipientRoles = spec.recipients().roles().toArray(String[]::new);
        this.recipientUsers = spec.recipients().users().toArray(UUID[]::new);
        this.recipientOwner = spec.recipients().includesOwner();
        this.recipientEmails = spec.recipients().emails().toArray(String[]::new);
        this.delivery = Delivery.parse(spec.delivery().mode())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No delivery mode " + spec.delivery().mode()));
        this.deliveryAt = spec.delivery().at() == null
                ? null
                : LocalTime.parse(spec.delivery().at());
        this.deliveryWeekday = spec.delivery().weekday();
        this.updatedAt = Instant.now();
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

    public boolean isEnabled() {
        return enabled;
    }

    public String[] getSignals() {
        return signals.clone();
    }

    public String[] getCategories() {
        return categories.clone();
    }

    public String[] getPolarities() {
        return polarities.clone();
    }

    public String getMinSeverity() {
        return minSeverity;
    }

    public UUID[] getWatchlists() {
        return watchlists.clone();
    }

    public String[] getRelationships() {
        return relationships.clone();
    }

    public String[] getTags() {
        return tags.clone();
    }

    public UUID[] getOwners() {
        return owners.clone();
    }

    public BigDecimal getMinExposure() {
        return minExposure;
    }

    public String[] getRecipientRoles() {
        return recipientRoles.clone();
    }

    public UUID[] getRecipientUsers() {
        return recipientUsers.clone();
    }

    public boolean isRecipientOwner() {
        return recipientOwner;
    }

    public String[] getRecipientEmails() {
        return recipientEmails.clone();
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public LocalTime getDeliveryAt() {
        return deliveryAt;
    }

    public String getDeliveryWeekday() {
        return deliveryWeekday;
    }

    public String getDefaultRule() {
        return defaultRule;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
