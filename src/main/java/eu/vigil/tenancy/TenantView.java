package eu.vigil.tenancy;

import eu.vigil.shared.Language;
import java.time.Instant;
import java.util.UUID;

public record TenantView(
        UUID id, String name, Language language, String timeZone, Instant createdAt, long users, String country) {}
