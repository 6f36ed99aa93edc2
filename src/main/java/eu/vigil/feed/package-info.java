/**
 * Feed ingestion: recorded runs of extracts from the company registries and bureaus, with their
 * quarantine, and the ways extracts come in (portal upload, inbox folders, API).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Feeds",
        allowedDependencies = {"company", "tenancy", "signal", "notification", "storage"})
package eu.vigil.feed;
