package eu.vigil.company;

import java.time.Instant;
import java.time.LocalDate;

public record StoredSection(
        long companyId,
        Section section,
        String json,
        long hash,
        String source,
        String extract,
        LocalDate asOf,
        long runId,
        Instant updatedAt) {}
