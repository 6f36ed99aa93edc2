/**
 * Demo data for a self-contained run: a demo tenant with one person per role and an API key, and a demo world of
 * companies with two years of registry, accounts and bureau history loaded through the feeds.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"tenancy", "feed", "company"})
package eu.vigil.demo;
