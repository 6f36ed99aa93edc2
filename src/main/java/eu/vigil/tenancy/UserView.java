package eu.vigil.tenancy;

import eu.vigil.shared.Language;
import java.time.Instant;
import java.util.UUID;

public record UserView(
        UUID id,
        String email,
        String displayName,
        Role role,
        String status,
        Language language,
        String timeZone,
        Instant createdAt,
        Instant lastLoginAt) {}
