/**
 * Demo data for a self-contained run: a demo tenant with one person per role and an API key, a demo world of
 * companies with two years of registry, accounts and bureau history loaded through the feeds, and the demo tenant's
 * watchlist uploaded through the watchlists' API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"tenancy", "feed", "company", "watchlist"})
package eu.vigil.demo;
