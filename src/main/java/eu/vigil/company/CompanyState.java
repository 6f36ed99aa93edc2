package eu.vigil.company;

import java.util.Map;

/** Everything Vigil knows of one company now: its identity and its sections, by section. */
public record CompanyState(long id, CompanyId company, Map<Section, StoredSection> sections) {}
