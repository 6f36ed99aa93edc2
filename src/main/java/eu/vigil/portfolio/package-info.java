/**
 * Each role's home page: the portfolio at a glance for credit managers and admins (lights, exposure at risk, what
 * changed since the last visit, a year of red and amber), opportunities for sales, feed health for the platform; and
 * the tenant-wide list of watched entries behind its numbers.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portfolio",
        allowedDependencies = {"tenancy", "company", "signal", "watchlist", "alerting", "feed"})
package eu.vigil.portfolio;
