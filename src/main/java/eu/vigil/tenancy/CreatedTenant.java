package eu.vigil.tenancy;

import java.util.UUID;

public record CreatedTenant(UUID id, UUID adminUserId, String apiKey) {}
