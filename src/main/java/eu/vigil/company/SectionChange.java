package eu.vigil.company;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a section: the version that was replaced (its source, extract and as-of date), when, and by which run. */
public record SectionChange(
        Section section,
        String previousSource,
        String previousExtract,
        LocalDate previousAsOf,
        Instant changedAt,
        long changedByRun) {}
