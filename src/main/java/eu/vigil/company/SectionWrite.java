package eu.vigil.company;

import java.time.LocalDate;

/** A source's current view of one section of one company, as canonical JSON. */
public record SectionWrite(
        long companyId, Section section, String json, long hash, String source, String extract, LocalDate asOf) {

    public SectionWrite(long companyId, Section section, String json, String source, String extract, LocalDate asOf) {
        this(companyId, section, json, Hashes.fnv64(json), source, extract, asOf);
    }

    /** The same view, for the company whose id is now known. */
    public SectionWrite forCompany(long id) {
        return new SectionWrite(id, section, json, hash, source, extract, asOf);
    }
}
