package eu.vigil.company;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the companies Vigil keeps; shared reference data, the same for every tenant. */
@Service
public class CompanyRegistry {

    private final JdbcTemplate jdbc;

    CompanyRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<CompanyState> find(CompanyId id) {
        List<Long> ids = jdbc.queryForList(
                "select id from company where country = ? and number = ?", Long.class, id.country(), id.number());
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long companyId = ids.getFirst();
        Map<Section, StoredSection> sections = new EnumMap<>(Section.class);
        jdbc.query(
                """
                select section, doc::text, doc_hash, source, extract, as_of, run_id, updated_at
                from company_section where company_id = ?""",
                rs -> {
                    Section section = Section.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
                    sections.put(
                            section,
                            new StoredSection(
                                    companyId,
                                    section,
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getDate(6).toLocalDate(),
                                    rs.getLong(7),
                                    rs.getTimestamp(8).toInstant()));
                },
                companyId);
        return Optional.of(new CompanyState(companyId, id, sections));
    }

    /**
     * The company a URL names by country and number (in any notation): 400 saying why for a number
     * that cannot be one, 404 for a company Vigil does not know.
     */
    @Transactional(readOnly = true)
    public CompanyState require(String country, String number) {
        String wanted = country.toUpperCase(java.util.Locale.ROOT);
        ParseResult parsed = CompanyNumbers.parse(number, wanted);
        if (!(parsed instanceof ParseResult.Valid valid)
                || !valid.id().country().equals(wanted)) {
            String reason = parsed instanceof ParseResult.Invalid invalid
                    ? invalid.detail()
                    : "the number belongs to another country";
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "'" + number + "' is not a valid " + wanted + " company number: " + reason);
        }
        return find(valid.id())
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND,
                        "Vigil knows no company " + valid.id().display() + " in "
                                + valid.id().country()));
    }

    @Transactional(readOnly = true)
    public List<StoredSection> history(long companyId, Section section) {
        return jdbc.query(
                """
                select doc::text, doc_hash, source, extract, as_of, run_id, replaced_at
                from company_section_history where company_id = ? and section = ? order by replaced_at desc""",
                (rs, n) -> new StoredSection(
                        companyId,
                        section,
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getLong(6),
                        rs.getTimestamp(7).toInstant()),
                companyId,
                section.key());
    }

    /** When each section of the company last changed, newest first: the version replaced, and by which run. */
    @Transactional(readOnly = true)
    public List<SectionChange> changes(long companyId, int limit) {
        return jdbc.query(
                """
                select section, source, extract, as_of, replaced_at, replaced_by_run
                from company_section_history where company_id = ? order by replaced_at desc, section limit ?""",
                (rs, n) -> new SectionChange(
                        Section.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getLong(6)),
                companyId,
                limit);
    }

    /**
     * Companies one of whose names contains {@code text}, ignoring case; at most {@code limit}, the most
     * similar names first. Answered from the trigram index of {@code company_name} (see {@link CompanyNames}).
     */
    @Transactional(readOnly = true)
    public List<NameMatch> searchByName(String text, int limit) {
        List<String> words = NameFolding.words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        // every word, in any order, from the trigram index (words of three letters or more narrow it, shorter ones are
        // checked on what it found); the closest names first, then the shorter ones
        List<Object> args = new ArrayList<>();
        args.add(String.join(" ", words));
        StringBuilder where = new StringBuilder();
        for (String word : words) {
            where.append(where.isEmpty() ? "" : " and ").append("folded like ?");
            args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        args.add(limit);
        return jdbc.query(
                """
                select c.country, c.number, s.doc::text, st.doc->>'active'
                from (select company_id, max(similarity(folded, ?)) as score, min(length(name)) as shortest
                      from company_name where %s
                      group by company_id
                      order by score desc, shortest, company_id
                      limit ?) m
                join company c on c.id = m.company_id
                join company_section s on s.company_id = m.company_id and s.section = 'identity'
                left join company_section st on st.company_id = m.company_id and st.section = 'status'
                order by m.score desc, m.shortest, m.company_id""".formatted(where),
                (rs, n) -> new NameMatch(
                        new CompanyId(rs.getString(1).trim(), rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4) == null ? null : Boolean.valueOf(rs.getString(4))),
                args.toArray());
    }

    /** A company found by name: its identity document (for its names) and whether it is active, when known. */
    public record NameMatch(CompanyId id, String identityJson, Boolean active) {}

    @Transactional(readOnly = true)
    public long count(String country) {
        Long count = jdbc.queryForObject("select count(*) from company where country = ?", Long.class, country);
        return count == null ? 0 : count;
    }
}
