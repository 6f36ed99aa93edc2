package eu.vigil.tenancy;

import java.util.UUID;

/** The caller behind an API key. */
public record ApiClient(UUID keyId, UUID tenantId, String keyName, ApiKeyScope scope) {

    public boolean isPlatform() {
        return scope == ApiKeyScope.PLATFORM;
    }
}
