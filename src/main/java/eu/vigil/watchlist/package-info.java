/**
 * A tenant's watchlists (portfolios): entries added one by one or uploaded as CSV/XLSX, each row
 * validated and enrolled, with a flashback and a health check of the enrolled companies, and a
 * traffic light per watched company.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Watchlists",
        allowedDependencies = {"tenancy", "company", "signal", "feed", "notification", "storage"})
package eu.vigil.watchlist;
