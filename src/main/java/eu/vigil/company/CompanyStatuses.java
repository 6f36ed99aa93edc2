package eu.vigil.company;

import eu.vigil.company.CompanyStatus.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each company's {@link CompanyStatus}, derived from its stored status section and that section's history: the kind
 * from the current version, the date from the source where it gives one (a judgment, an insolvency case, a
 * cessation), else from the oldest version of the section that already said so.
 */
@Service
public class CompanyStatuses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    CompanyStatuses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The status of one company; active with no date when no source has spoken about its status. */
    @Transactional(readOnly = true)
    public CompanyStatus of(long companyId) {
        return of(List.of(companyId)).getOrDefault(companyId, CompanyStatus.UNKNOWN_ACTIVE);
    }

    /** The statuses of these companies in one query; a company with no status section is left out. */
    @Transactional(readOnly = true)
    public Map<Long, CompanyStatus> of(Collection<Long> companyIds) {
        Map<Long, CompanyStatus> statuses = new HashMap<>(companyIds.size() * 2);
        if (companyIds.isEmpty()) {
            return statuses;
        }
        Map<Long, List<Version>> versions = new LinkedHashMap<>();
        Map<Long, String> countries = new HashMap<>();
        Map<Long, String> ceasedOn = new HashMap<>();
        // the current version first, then the replaced ones, newest first by the source's date
        jdbc.query(
                """
                select v.company_id, c.country, v.doc::text, v.as_of, v.current,
                       case when c.country = 'GB' then i.doc->'profile'->>'ceasedOn' end
                from (select company_id, doc, as_of, true as current, now() as replaced_at from company_section
                      where section = 'status' and company_id = any(?::bigint[])
                      union all
                      select company_id, doc, as_of, false, replaced_at from company_section_history
                      where section = 'status' and company_id = any(?::bigint[])) v
                join company c on c.id = v.company_id
                left join company_section i on i.company_id = v.company_id and i.section = 'identity'
                order by v.company_id, v.current desc, v.as_of desc, v.replaced_at desc""",
                rs -> {
                    long id = rs.getLong(1);
                    countries.put(id, rs.getString(2).trim());
                    if (rs.getString(6) != null) {
                        ceasedOn.put(id, rs.getString(6));
                    }
                    versions.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Version(rs.getString(3), rs.getDate(4).toLocalDate()));
                },
                companyIds.toArray(Long[]::new),
                companyIds.toArray(Long[]::new));
        versions.forEach((id, list) -> statuses.put(id, derive(countries.get(id), list, ceasedOn.get(id))));
        return statuses;
    }

    /** One version of a status section: its document and the source's date for it. */
    record Version(String json, LocalDate asOf) {}

    /** {@code newestFirst}: the current version, then the replaced ones. */
    static CompanyStatus derive(String country, List<Version> newestFirst, String profileCeasedOn) {
        JsonNode current = JSON.readTree(newestFirst.getFirst().json());
        Kind kind = kind(country, current);
        if (kind == Kind.ACTIVE) {
            return CompanyStatus.UNKNOWN_ACTIVE;
        }
        LocalDate dated = sourceDate(country, kind, current, profileCeasedOn);
        if (dated != null) {
            return new CompanyStatus(kind, dated);
        }
        LocalDate since = newestFirst.getFirst().asOf();
        for (Version older : newestFirst.subList(1, newestFirst.size())) {
            if (kind(country, JSON.readTree(older.json())) != kind) {
                break;
            }
            since = older.asOf();
        }
        return new CompanyStatus(kind, since);
    }

    /** The kind a status document says, whatever the source that wrote it (BODACC, Companies House, KBO). */
    public static Kind kind(String country, String statusJson) {
        return statusJson == null ? Kind.ACTIVE : kind(country, JSON.readTree(statusJson));
    }

    static Kind kind(String country, JsonNode status) {
        if (status.has("proceedings")) {
            return bodacc(status);
        }
        if (status.has("chStatus")) {
            return companiesHouse(
                    status.path("chStatus").asString(""), status.path("active").asBoolean(true));
        }
        return kbo(
                status.path("juridicalSituation").asString(""),
                status.path("active").asBoolean(true));
    }

    private static Kind kbo(String situation, boolean active) {
        Kind kind = switch (situation) {
            case "010", "013" -> Kind.DISSOLVED;
            case "012", "112" -> Kind.LIQUIDATION;
            case "014" -> Kind.LIQUIDATION_CLOSED;
            case "030", "031", "091" -> Kind.REORGANISATION;
            case "040", "041" -> Kind.MORATORIUM;
            case "048", "049", "050" -> Kind.BANKRUPT;
            case "051", "052", "053" -> Kind.BANKRUPTCY_CLOSED;
            case "111" -> Kind.STRUCK_OFF;
            case "003",
                    "006",
                    "011",
                    "015",
                    "016",
                    "017",
                    "018",
                    "019",
                    "021",
                    "022",
                    "023",
                    "024",
                    "025",
                    "026",
                    "999" -> Kind.CEASED;
            default -> Kind.ACTIVE;
        };
        return kind == Kind.ACTIVE && !active ? Kind.CEASED : kind;
    }

    private static Kind companiesHouse(String chStatus, boolean active) {
        Kind kind = switch (chStatus) {
            case "active-proposal-to-strike-off" -> Kind.STRIKE_OFF_PROPOSED;
            case "administration" -> Kind.ADMINISTRATION;
            case "receivership" -> Kind.RECEIVERSHIP;
            case "moratorium" -> Kind.MORATORIUM;
            case "voluntary-arrangement" -> Kind.REORGANISATION;
            case "liquidation", "insolvency-proceedings" -> Kind.LIQUIDATION;
            case "dissolved" -> Kind.DISSOLVED;
            case "removed", "closed", "converted-closed" -> Kind.CEASED;
            default -> Kind.ACTIVE;
        };
        return kind == Kind.ACTIVE && !active ? Kind.CEASED : kind;
    }

    private static Kind bodacc(JsonNode status) {
        if (!status.path("active").asBoolean(true)) {
            return Kind.STRUCK_OFF;
        }
        return switch (status.path("proceedings").asString("")) {
            case "sauvegarde" -> Kind.SAFEGUARD;
            case "redressement" -> Kind.REORGANISATION;
            case "liquidation" -> Kind.LIQUIDATION;
            case "conciliation" -> Kind.CONCILIATION;
            case "plan" -> Kind.UNDER_PLAN;
            case "radiation" -> Kind.STRUCK_OFF;
            case "cloture" ->
                "051".equals(status.path("juridicalSituation").asString("")) ? Kind.LIQUIDATION_CLOSED : Kind.ACTIVE;
            default -> Kind.ACTIVE;
        };
    }

    /** The date the source gives the status: the judgment that opened it, the insolvency case's start, the cessation. */
    private static LocalDate sourceDate(String country, Kind kind, JsonNode status, String profileCeasedOn) {
        if (status.has("proceedings")) {
            return bodaccDate(status);
        }
        if (status.has("chStatus")) {
            if (kind == Kind.DISSOLVED || kind == Kind.CEASED) {
                return date(profileCeasedOn);
            }
            LocalDate latest = null;
            for (JsonNode c : status.path("cases")) {
                for (var date : c.path("dates").properties()) {
                    if (date.getKey().endsWith("-on") && !isEnd(date.getKey())) {
                        LocalDate d = date(date.getValue().asString(""));
                        if (d != null && (latest == null || d.isAfter(latest))) {
                            latest = d;
                        }
                    }
                }
            }
            return kind == Kind.ACTIVE ? null : latest;
        }
        if (kind == Kind.CEASED && !status.path("active").asBoolean(true)) {
            return date(status.path("ceasedOn").asString(""));
        }
        return null;
    }

    private static boolean isEnd(String dateType) {
        return dateType.contains("dissolved")
                || dateType.contains("ended")
                || dateType.contains("discharge")
                || dateType.contains("concluded")
                || dateType.contains("completed")
                || dateType.contains("ceased");
    }

    /** The date of the notice that put the company where it stands: the last one still counting of the kind it says. */
    private static LocalDate bodaccDate(JsonNode status) {
        String proceedings = status.path("proceedings").asString("");
        if (proceedings.isEmpty() || "none".equals(proceedings)) {
            return null;
        }
        Set<String> gone = new HashSet<>();
        for (JsonNode notice : status.path("notices")) {
            String type = notice.path("type").asString("");
            if (("annulation".equals(type) || "rectificatif".equals(type)) && notice.hasNonNull("target")) {
                gone.add(notice.path("target").asString());
            }
        }
        String wanted = "cloture".equals(proceedings) ? "cloture-" : proceedings;
        String latest = null;
        for (JsonNode notice : status.path("notices")) {
            if (gone.contains(notice.path("id").asString(""))
                    || "annulation".equals(notice.path("type").asString(""))) {
                continue;
            }
            if (notice.path("kind").asString("").startsWith(wanted)) {
                String date = notice.path("date").asString("");
                if (latest == null || date.compareTo(latest) > 0) {
                    latest = date;
                }
            }
        }
        return date(latest);
    }

    private static LocalDate date(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
