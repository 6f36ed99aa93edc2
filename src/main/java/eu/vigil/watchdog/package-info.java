/**
 * Liveness of the Vigil instances, and the watchdog that ends, as failed with the reason, the feed runs
 * and watchlist imports an instance that died left running.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Watchdog",
        allowedDependencies = {})
package eu.vigil.watchdog;
