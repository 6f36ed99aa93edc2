/**
 * Tenants, their users and roles, API keys, sign-in and the tenant context that scopes every
 * tenant-owned row.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy", allowedDependencies = "notification")
package eu.vigil.tenancy;
