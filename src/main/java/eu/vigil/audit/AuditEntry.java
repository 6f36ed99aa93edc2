package eu.vigil.audit;

import java.time.Instant;
import java.util.UUID;

public record AuditEntry(
        UUID id, Instant occurredAt, String actor, String action, String target, String detail, String remoteAddr) {}
