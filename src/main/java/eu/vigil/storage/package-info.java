/**
 * Files that must outlive a request and be read by any node: one interface, kept in a local folder (one node,
 * embedded mode) or in an S3-compatible object store (several nodes), chosen by {@code vigil.storage.type}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Storage",
        allowedDependencies = {})
package eu.vigil.storage;
