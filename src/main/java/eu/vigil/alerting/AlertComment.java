package eu.vigil.alerting;

import java.time.Instant;

public record AlertComment(String author, String body, Instant createdAt) {}
