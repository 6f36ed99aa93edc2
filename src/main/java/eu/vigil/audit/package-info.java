/** The per-tenant audit log: who did what, and when. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "tenancy")
package eu.vigil.audit;
