package eu.vigil.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based look-ups for other modules: ids of companies named by number, one-line summaries of
 * companies by id, and suggestions for a search box. Reads only what the company module stores.
 */
@Service
public class CompanyDirectory {

    private static final int MIN_PREFIX_DIGITS = 4;

    private final JdbcTemplate jdbc;
    private final CompanyRegistry registry;

    CompanyDirectory(JdbcTemplate jdbc, CompanyRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * A company in one line: its legal name (in {@code language} when it has one in that language), the
     * town of its registered seat, and whether it is active; each null when no feed has said.
     */
    public record CompanySummary(long id, CompanyId companyId, String name, String city, Boolean active) {}

    /** Vigil's ids of the companies it knows among these, in one query whatever their number. */
    @Transactional(readOnly = true)
    public Map<CompanyId, Long> ids(Collection<CompanyId> companies) {
        Map<CompanyId, Long> found = new HashMap<>(companies.size() * 2);
        if (companies.isEmpty()) {
            return found;
        }
        String[] countries = new String[companies.size()];
        String[] numbers = new String[companies.size()];
        int i = 0;
        for (CompanyId id : companies) {
            countries[i] = id.country();
            numbers[i++] = id.number();
        }
        jdbc.query(
                """
                select c.country, c.number, c.id from company c
                join unnest(?::text[], ?::text[]) as w(country, number) on c.country = w.country and c.number = w.number""",
                rs -> {
                    found.put(new CompanyId(rs.getString(1).trim(), rs.getString(2)), rs.getLong(3));
                },
                countries,
                numbers);
        return found;
    }

    /** The country and number of these companies by id, in one query; ids Vigil does not know are left out. */
    @Transactional(readOnly = true)
    public Map<Long, CompanyId> companyIds(Collection<Long> companyIds) {
        Map<Long, CompanyId> found = new HashMap<>(companyIds.size() * 2);
        if (companyIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                "select id, country, number from company where id = any(?::bigint[])",
                rs -> {
                    found.put(rs.getLong(1), new CompanyId(rs.getString(2).trim(), rs.getString(3)));
                },
                (Object) companyIds.toArray(Long[]::new));
        return found;
    }

    /** The first {@code limit} companies Vigil learnt of in {@code country} (an ISO code), oldest first. */
    @Transactional(readOnly = true)
    public List<CompanyId> firstKnown(String country, int limit) {
        return jdbc.query(
                "select country, number from company where country = ? order by id limit ?",
                (rs, n) -> new CompanyId(rs.getString(1).trim(), rs.getString(2)),
                country,
                limit);
    }

    /** Summaries of these companies by id, in one query; ids Vigil does not know are left out. */
    @Transactional(readOnly = true)
    public Map<Long, CompanySummary> summaries(Collection<Long> companyIds, String language) {
        Map<Long, CompanySummary> found = new LinkedHashMap<>();
        if (companyIds.isEmpty()) {
            return found;
        }
        String kboLanguage = switch (language == null ? "" : language) {
            case "fr" -> "1";
            case "nl" -> "2";
            default -> "4";
        };
        boolean dutch = "nl".equals(language);
        jdbc.query(
                """
                select c.id, c.country, c.number,
                       (select n.name->>'value' from json_array_elements(s.doc->'names') with ordinality as n(name, i)
                        where n.name->>'type' = '001' order by (n.name->>'language' = ?) desc, n.i limit 1),
                       (select concat_ws(' ', nullif(a->>'zipcode', ''), coalesce(nullif(a->>?, ''), nullif(a->>?, '')))
                        from json_array_elements(s.doc->'addresses') a where a->>'type' = 'REGO' limit 1),
                       st.doc->>'active'
                from company c
                left join company_section s on s.company_id = c.id and s.section = 'identity'
                left join company_section st on st.company_id = c.id and st.section = 'status'
                where c.id = any(?::bigint[])""",
                rs -> {
                    String city = rs.getString(5);
                    String active = rs.getString(6);
                    found.put(
                            rs.getLong(1),
                            new CompanySummary(
                                    rs.getLong(1),
                                    new CompanyId(rs.getString(2).trim(), rs.getString(3)),
                                    rs.getString(4),
                                    city == null || city.isBlank() ? null : city,
                                    active == null ? null : Boolean.valueOf(active)));
                },
                kboLanguage,
                dutch ? "municipalityNL" : "municipalityFR",
                dutch ? "municipalityFR" : "municipalityNL",
                companyIds.toArray(Long[]::new));
        return found;
    }

    /** The summary of one company, when Vigil knows it. */
    @Transactional(readOnly = true)
    public Optional<CompanySummary> summary(CompanyId company, String language) {
        Long id = ids(List.of(company)).get(company);
        return id == null
                ? Optional.empty()
                : Optional.ofNullable(summaries(List.of(id), language).get(id));
    }

    /**
     * What a search box suggests for {@code text}: the company a complete number in any notation names,
     * companies whose number starts with the digits typed (at least four), or companies one of whose
     * names contains the text. At most {@code limit}: by name, the closest first; by number, sorted by name.
     */
    @Transactional(readOnly = true)
    public List<CompanySummary> suggest(String text, int limit, String language) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        if (CompanyNumbers.parse(q, null) instanceof ParseResult.Valid valid) {
            return summary(valid.id(), language).map(List::of).orElse(List.of());
        }
        if (looksLikeAName(q)) {
            // the name search's order: the closest names first
            List<Long> ids = byName(q, limit);
            Map<Long, CompanySummary> summaries = summaries(ids, language);
            return ids.stream()
                    .map(summaries::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }
        List<CompanySummary> found =
                new ArrayList<>(summaries(byNumberPrefix(q, limit), language).values());
        found.sort(java.util.Comparator.comparing((CompanySummary s) ->
                        s.name() == null ? "\uFFFF" : s.name().toLowerCase(Locale.ROOT))
                .thenComparing(s -> s.companyId().number()));
        return found;
    }

    private List<Long> byName(String q, int limit) {
        List<CompanyId> matches = registry.searchByName(q, limit).stream()
                .map(CompanyRegistry.NameMatch::id)
                .toList();
        Map<CompanyId, Long> ids = ids(matches);
        return matches.stream().map(ids::get).filter(java.util.Objects::nonNull).toList();
    }

    /** "0403.17", "BE 0403 1", "4031707": the digits typed so far, with or without a country prefix. */
    private List<Long> byNumberPrefix(String q, int limit) {
        String compact = q.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-/]", "");
        String country = null;
        if (compact.length() >= 2 && Character.isLetter(compact.charAt(0)) && Character.isLetter(compact.charAt(1))) {
            country = compact.substring(0, 2);
            compact = compact.substring(2);
        }
        if (compact.length() < MIN_PREFIX_DIGITS || !compact.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>(List.of(compact));
        if ((country == null || country.equals("BE")) && compact.charAt(0) != '0' && compact.charAt(0) != '1') {
            prefixes.add("0" + compact);
        }
        List<Long> ids = new ArrayList<>();
        for (String prefix : prefixes) {
            // a range on (country, number) uses the identity index whatever the collation; numbers are digits
            ids.addAll(jdbc.queryForList(
                    """
                    select id from company where (?::text is null or country = ?) and number >= ? and number < ?
                    order by number limit ?""", Long.class, country, country, prefix, upperBound(prefix), limit - ids.size()));
            if (ids.size() >= limit) {
                break;
            }
        }
        return ids;
    }

    private static String upperBound(String digits) {
        return digits.substring(0, digits.length() - 1) + (char) (digits.charAt(digits.length() - 1) + 1);
    }

    /** More letters than digits: "Garage 2000" is a name, "BE0403170702" a mistyped number. */
    public static boolean looksLikeAName(String q) {
        long letters = q.codePoints().filter(Character::isLetter).count();
        long digits = q.codePoints().filter(Character::isDigit).count();
        return letters >= 2 && letters > digits;
    }
}
