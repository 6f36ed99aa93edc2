/** Renders and sends email in the recipient's language, HTML and plain text. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notification",
        allowedDependencies = {})
package eu.vigil.notification;
