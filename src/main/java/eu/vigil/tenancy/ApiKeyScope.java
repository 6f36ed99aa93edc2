package eu.vigil.tenancy;

public enum ApiKeyScope {
    TENANT,
    PLATFORM;

    public String authority() {
        return "ROLE_API_" + name();
    }
}
