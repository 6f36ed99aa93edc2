/**
 * Self-contained mode: an embedded PostgreSQL and an in-process SMTP server that captures mail,
 * used whenever no database or mail server is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded mode")
package eu.vigil.embedded;
