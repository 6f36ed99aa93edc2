package eu.vigil.tenancy;

import java.time.Instant;
import java.util.UUID;

public record ApiKeyView(
        UUID id,
        String name,
        ApiKeyScope scope,
        String hint,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
