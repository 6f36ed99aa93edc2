/**
 * Alerting: a tenant's rules, the alerts raised when a watched company's signal events match them, and their
 * delivery by email through a transactional outbox, exactly once per alert group and recipient.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Alerting",
        allowedDependencies = {"tenancy", "signal", "watchlist", "notification", "company"})
package eu.vigil.alerting;
