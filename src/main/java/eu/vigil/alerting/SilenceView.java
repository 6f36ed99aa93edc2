package eu.vigil.alerting;

import java.time.Instant;
import java.util.UUID;

/** A person's running silence of a company. */
public record SilenceView(
        UUID id, String country, String number, String companyName, Instant until, String reason, Instant createdAt) {

    public String display() {
        return new eu.vigil.company.CompanyId(country, number).display();
    }
}
