/** Demo data for a self-contained run: a demo tenant with one person per role and an API key. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = "tenancy")
package eu.vigil.demo;
