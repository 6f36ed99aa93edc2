package eu.vigil.tenancy;

/** A new key with its secret, which is shown this once and never again. */
public record CreatedApiKey(ApiKeyView key, String secret) {}
