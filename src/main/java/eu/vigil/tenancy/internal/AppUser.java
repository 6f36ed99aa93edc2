package eu.vigil.tenancy.internal;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

@Entity
@Table(name = "app_user")
public class AppUser {

    public enum Status {
        INVITED,
        ACTIVE,
        DEACTIVATED
    }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String language;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    @Version
    private long version;

    protected AppUser() {}

    public AppUser(UUID tenantId, String email, Role role, Language language, String timeZone) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = email;
        this.role = role;
        this.status = Status.INVITED;
        this.language = language.code();
        this.timeZone = timeZone;
        this.createdAt = Instant.now();
    }

    public void activate(String newPasswordHash, String newDisplayName) {
        this.passwordHash = newPasswordHash;
        if (newDisplayName != null && !newDisplayName.isBlank()) {
            this.displayName = newDisplayName.trim();
        }
        this.status = Status.ACTIVE;
    }

    /** Also ends every session signed in before: they carry the previous epoch. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.sessionEpoch++;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public void deactivate() {
        this.status = Status.DEACTIVATED;
    }

    public void reactivate() {
        this.status = passwordHash == null ? Status.INVITED : Status.ACTIVE;
    }

    public void updateProfile(String newDisplayName, Language newLanguage, String newTimeZone) {
        this.displayName = newDisplayName == null || newDisplayName.isBlank() ? null : newDisplayName.trim();
        this.language = newLanguage.code();
        this.timeZone = newTimeZone;
    }

    public void changeLanguage(Language newLanguage) {
        this.language = newLanguage.code();
    }

    public void signedIn() {
        this.lastLoginAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Status getStatus() {
        return status;
    }

    public Language getLanguage() {
        return Language.fromCode(language).orElse(Language.EN);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSessionEpoch() {
        return sessionEpoch;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
