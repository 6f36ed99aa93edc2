package eu.vigil.tenancy.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String language;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false, length = 2)
    private String country = "BE";

    @Column(nullable = false)
    private boolean platform;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tenant() {}

    public Tenant(String name, String language, String timeZone) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.language = language;
        this.timeZone = timeZone;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLanguage() {
        return language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getCountry() {
        return country;
    }

    public void changeCountry(String code) {
        this.country = code;
    }

    public boolean isPlatform() {
        return platform;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
