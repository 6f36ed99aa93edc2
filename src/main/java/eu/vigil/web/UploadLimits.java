package eu.vigil.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each endpoint takes, checked from its declared length before a byte is read.
 *
 * @param endpoints path pattern (Spring's {@code *} and {@code **}) → limit; the first that matches applies
 * @param otherwise the limit of every other request (forms, JSON)
 */
@ConfigurationProperties("vigil.uploads")
record UploadLimits(
        Map<String, DataSize> endpoints,
        @DefaultValue("10MB") DataSize otherwise) {

    UploadLimits {
        if (endpoints == null || endpoints.isEmpty()) {
            endpoints = new LinkedHashMap<>();
            endpoints.put("/watchlists/*/upload", DataSize.ofMegabytes(50));
            endpoints.put("/api/v1/watchlists/*/entries", DataSize.ofMegabytes(50));
            endpoints.put("/receivables/upload", DataSize.ofMegabytes(100));
            endpoints.put("/api/v1/receivables/items", DataSize.ofMegabytes(200));
            endpoints.put("/platform/feeds", DataSize.ofGigabytes(4));
            endpoints.put("/api/v1/admin/feeds/*/extracts", DataSize.ofGigabytes(4));
        }
    }
}
