/** The portal's shell: layout, home page, languages, formatting and error pages. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web shell",
        allowedDependencies = {"tenancy", "embedded"})
package eu.vigil.web;
