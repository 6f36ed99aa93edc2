package eu.vigil.tenancy;

import java.util.List;
import java.util.UUID;

/**
 * Something a person did to the tenant's rules, watchlists, entries, uploads, alerts or silences: published by the module
 * that did it, recorded by the audit log in the same transaction. {@code action} names the wording
 * ({@code audit.action.<action>}); {@code details} are the arguments of {@code audit.detail.<action>}.
 */
public record Audited(UUID tenantId, String actor, String action, String target, List<String> details) {

    public Audited {
        details = details == null
                ? List.of()
                : details.stream().map(d -> d == null ? "—" : d).toList();
    }

    /** By whoever is signed in (or the API key, or the system), in the bound tenant. */
    public static Audited of(String action, String target, String... details) {
        return new Audited(
                TenantContext.require(),
                Actors.current(),
                action,
                target,
                List.of(details).stream().map(d -> d == null ? "—" : d).toList());
    }
}
