package eu.vigil.tenancy;

import eu.vigil.shared.Language;
import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in to the portal. */
public final class VigilUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID tenantId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final Language language;
    private final String timeZone;
    private final int sessionEpoch;
    private String passwordHash;

    public VigilUser(
            UUID userId,
            UUID tenantId,
            String email,
            String displayName,
            Role role,
            Language language,
            String timeZone,
            String passwordHash) {
        this(userId, tenantId, email, displayName, role, language, timeZone, passwordHash, 0);
    }

    public VigilUser(
            UUID userId,
            UUID tenantId,
            String email,
            String displayName,
            Role role,
            Language language,
            String timeZone,
            String passwordHash,
            int sessionEpoch) {
        this.sessionEpoch = sessionEpoch;
        this.userId = userId;
        this.tenantId = tenantId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.language = language;
        this.timeZone = timeZone;
        this.passwordHash = passwordHash;
    }

    public UUID userId() {
        return userId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName == null || displayName.isBlank() ? email : displayName;
    }

    public Role role() {
        return role;
    }

    public Language language() {
        return language;
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    public String timeZone() {
        return timeZone;
    }

    /** Which password this session was signed in under: a change or reset moves the account to the next epoch. */
    public int sessionEpoch() {
        return sessionEpoch;
    }

    public boolean isPlatformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    public VigilUser withProfile(String newDisplayName, Role newRole, Language newLanguage, String newTimeZone) {
        return new VigilUser(
                userId, tenantId, email, newDisplayName, newRole, newLanguage, newTimeZone, null, sessionEpoch);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VigilUser that && userId.equals(that.userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "VigilUser[" + email + ", " + role + "]";
    }
}
