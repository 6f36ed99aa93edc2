package eu.vigil.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param baseUrl where people reach the portal; every link in an email starts with it
 * @param from    the sender of Vigil's emails
 */
@Validated
@ConfigurationProperties("vigil.mail")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") @NotBlank String baseUrl,

        @DefaultValue("Vigil <no-reply@vigil.local>") @NotBlank
        String from) {

    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
