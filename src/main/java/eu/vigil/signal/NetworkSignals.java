package eu.vigil.signal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The signals that look across companies: an officer's other mandates, a parent's or subsidiary's
 * distress. Works through the officer and parent index ({@code company_officer}, {@code company_parent}),
 * which the feeds keep up to date as they write governance, never through a scan of all companies.
 */
@Component
public class NetworkSignals {

    private final Optional<Signal> linkedToBankruptcy;
    private final Optional<Signal> linkedToHealthy;
    private final Optional<Signal> parentInDistress;
    private final Optional<Signal> subsidiaryInDistress;

    public NetworkSignals(SignalCatalogue catalogue) {
        this.linkedToBankruptcy = kind(catalogue, "network-officer-bankruptcy");
        this.linkedToHealthy = kind(catalogue, "network-officer-healthy");
        this.parentInDistress = kind(catalogue, "network-parent-distress");
        this.subsidiaryInDistress = kind(catalogue, "network-subsidiary-distress");
    }

    private static Optional<Signal> kind(SignalCatalogue catalogue, String detector) {
        return catalogue.enabled().stream()
                .filter(s -> detector.equals(s.detector()))
                .findFirst();
    }

    /** An officer as a source names them; {@code key} identifies the person across companies. */
    public record Officer(String key, String name, String role, LocalDate since) {}

    /** A company's governance as far as the network cares: its officers and its parent (country and number, or nulls). */
    public record Governance(List<Officer> officers, String parentCountry, String parentNumber) {}

    /**
     * Brings the index in line with these companies' current governance: officers no longer listed get
     * an end date (their past mandates still count), new ones are added, the parent is replaced.
     */
    public void index(Connection connection, Map<Long, Governance> companies, LocalDate asOf) {
        if (companies.isEmpty()) {
            return;
        }
        Map<Long, List<Officer>> officers = new LinkedHashMap<>();
        companies.forEach((companyId, governance) -> officers.put(companyId, governance.officers()));
        indexOfficers(connection, officers, asOf);
        try {
            List<Long> parented = new ArrayList<>();
            List<String> parentCountries = new ArrayList<>();
            List<String> parentNumbers = new ArrayList<>();
            List<Long> orphans = new ArrayList<>();
            companies.forEach((companyId, governance) -> {
                if (governance.parentNumber() != null) {
                    parented.add(companyId);
                    parentCountries.add(governance.parentCountry());
                    parentNumbers.add(governance.parentNumber());
                } else {
                    orphans.add(companyId);
                }
            });
            try (PreparedStatement parent = connection.prepareStatement("""
                    insert into company_parent (company_id, parent_country, parent_number)
                    select * from unnest(?::bigint[], ?::text[], ?::text[])
                    on conflict (company_id) do update set parent_country = excluded.parent_country,
                        parent_number = excluded.parent_number""");
                    PreparedStatement orphan =
                            connection.prepareStatement("delete from company_parent where company_id = any(?)")) {
                parent.setArray(1, connection.createArrayOf("bigint", parented.toArray()));
                parent.setArray(2, connection.createArrayOf("text", parentCountries.toArray()));
                parent.setArray(3, connection.createArrayOf("text", parentNumbers.toArray()));
                parent.executeUpdate();
                orphan.setArray(1, connection.createArrayOf("bigint", orphans.toArray()));
                orphan.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the officer and parent index: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the officer index in line with these companies' current officers, leaving their parents as
     * they are: for a source that knows the board but not the owner (a company registry).
     */
    public void indexOfficers(Connection connection, Map<Long, List<Officer>> companies, LocalDate asOf) {
        if (companies.isEmpty()) {
            return;
        }
        try {
            List<Long> officerCompanies = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            List<Date> since = new ArrayList<>();
            companies.forEach((companyId, officers) -> {
                Set<String> seen = new HashSet<>();
                for (Officer officer : officers) {
                    if (seen.add(officer.key())) {
                        officerCompanies.add(companyId);
                        keys.add(officer.key());
                        names.add(clip(officer.name(), 300));
                        roles.add(clip(officer.role(), 64));
                        since.add(officer.since() == null ? null : Date.valueOf(officer.since()));
                    }
                }
            });
            Long[] companyIds = companies.keySet().toArray(Long[]::new);
            try (PreparedStatement end = connection.prepareStatement("""
                    update company_officer o set until = ? where o.company_id = any(?) and o.until is null
                    and not exists (select 1 from unnest(?::bigint[], ?::text[]) as listed(company_id, officer_key)
                                    where listed.company_id = o.company_id and listed.officer_key = o.officer_key)""")) {
                end.setDate(1, Date.valueOf(asOf));
                end.setArray(2, connection.createArrayOf("bigint", companyIds));
                end.setArray(3, connection.createArrayOf("bigint", officerCompanies.toArray()));
                end.setArray(4, connection.createArrayOf("text", keys.toArray()));
                end.executeUpdate();
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into company_officer (officer_key, company_id, name, role, since, until)
                    select k, c, n, r, s, null from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::date[]) as x(k, c, n, r, s)
                    on conflict (officer_key, company_id) do update set name = excluded.name, role = excluded.role,
                        since = excluded.since, until = null""")) {
                upsert.setArray(1, connection.createArrayOf("text", keys.toArray()));
                upsert.setArray(2, connection.createArrayOf("bigint", officerCompanies.toArray()));
                upsert.setArray(3, connection.createArrayOf("text", names.toArray()));
                upsert.setArray(4, connection.createArrayOf("text", roles.toArray()));
                upsert.setArray(5, connection.createArrayOf("date", since.toArray()));
                upsert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the officer index: " + e.getMessage(), e);
        }
    }

    /** The officers a company has now, by key, with their names as their source gave them. */
    public Map<String, String> currentOfficers(Connection connection, long companyId) {
        Map<String, String> officers = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select officer_key, name from company_officer where company_id = ? and until is null order by officer_key")) {
            select.setLong(1, companyId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    officers.put(rs.getString(1), rs.getString(2));
                }
            }
            return officers;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up a company's officers: " + e.getMessage(), e);
        }
    }

    /** The companies where each of these officers holds a mandate now, through the index (never a scan). */
    public Map<String, Set<Long>> currentMandates(Connection connection, java.util.Collection<String> officerKeys) {
        Map<String, Set<Long>> mandates = new LinkedHashMap<>();
        if (officerKeys.isEmpty()) {
            return mandates;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select officer_key, company_id from company_officer where officer_key = any(?) and until is null")) {
            select.setArray(1, connection.createArrayOf("text", officerKeys.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    mandates.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>())
                            .add(rs.getLong(2));
                }
            }
            return mandates;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up officers' mandates: " + e.getMessage(), e);
        }
    }

    /**
     * Signals about officers just appointed, from their mandates elsewhere: one of their other companies
     * went bankrupt within the catalogue's years, or all of them are in the healthy risk classes.
     */
    public Map<Long, List<DetectedSignal>> newOfficers(
            Connection connection, Map<Long, List<Officer>> appointed, LocalDate asOf) {
        Map<Long, List<DetectedSignal>> fired = new LinkedHashMap<>();
        if (appointed.isEmpty() || linkedToBankruptcy.isEmpty() && linkedToHealthy.isEmpty()) {
            return fired;
        }
        Set<String> keys = new HashSet<>();
        appointed.values().forEach(list -> list.forEach(o -> keys.add(o.key())));
        try {
            // joins company and company_section directly, on the run's connection: one query per batch of officers
            Map<String, List<String[]>> bankruptcies = new HashMap<>();
            if (linkedToBankruptcy.isPresent()) {
                int years = SignalEngine.number(linkedToBankruptcy.get(), "years", 5);
                try (PreparedStatement select = connection.prepareStatement("""
                        select o.officer_key, o.company_id, c.country || ' ' || c.number, max(e.effective_date)
                        from company_officer o join signal_event e on e.company_id = o.company_id and e.code = 'BANKRUPTCY_OPENED'
                        join company c on c.id = o.company_id
                        where o.officer_key = any(?) and e.effective_date >= ? group by 1, 2, 3""")) {
                    select.setArray(1, connection.createArrayOf("text", keys.toArray()));
                    select.setDate(2, Date.valueOf(asOf.minusYears(years)));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            bankruptcies
                                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(new String[] {
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getDate(4).toString()
                                    });
                        }
                    }
                }
            }
            Map<String, List<String[]>> riskClasses = new HashMap<>();
            if (linkedToHealthy.isPresent()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        select o.officer_key, o.company_id, c.country || ' ' || c.number, s.doc->>'riskClass'
                        from company_officer o join company c on c.id = o.company_id
                        left join company_section s on s.company_id = o.company_id and s.section = 'scores'
                        where o.officer_key = any(?) and o.until is null""")) {
                    select.setArray(1, connection.createArrayOf("text", keys.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            riskClasses
                                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                        }
                    }
                }
            }
            Set<String> healthy = linkedToHealthy
                    .map(s -> s.params().get("riskClasses") instanceof List<?> list
                            ? new HashSet<>(list.stream().map(String::valueOf).toList())
                            : Set.<String>of())
                    .orElse(Set.of());
            appointed.forEach((companyId, officers) -> {
                for (Officer officer : officers) {
                    String self = String.valueOf(companyId);
                    List<String[]> failed = bankruptcies.getOrDefault(officer.key(), List.of()).stream()
                            .filter(row -> !row[0].equals(self))
                            .toList();
                    if (!failed.isEmpty()) {
                        fired.computeIfAbsent(companyId, k -> new ArrayList<>())
                                .add(new DetectedSignal(
                                        linkedToBankruptcy.get(),
                                        null,
                                        officer.name() + ": "
                                                + String.join(
                                                        ", ",
                                                        failed.stream()
                                                                .map(row -> row[1] + " (" + row[2] + ")")
                                                                .toList())));
                    }
                    List<String[]> others = riskClasses.getOrDefault(officer.key(), List.of()).stream()
                            .filter(row -> !row[0].equals(self))
                            .toList();
                    if (!others.isEmpty()
                            && others.stream().allMatch(row -> row[2] != null && healthy.contains(row[2]))) {
                        fired.computeIfAbsent(companyId, k -> new ArrayList<>())
                                .add(new DetectedSignal(
                                        linkedToHealthy.get(),
                                        null,
                                        officer.name() + ": "
                                                + String.join(
                                                        ", ",
                                                        others.stream()
                                                                .map(row -> row[1])
                                                                .toList())));
                    }
                }
            });
            return fired;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up officers' other mandates: " + e.getMessage(), e);
        }
    }

    /**
     * Distress that spreads along ownership: for every company with an event at least as severe as the
     * catalogue asks, its subsidiaries get PARENT_IN_DISTRESS and its parent SUBSIDIARY_IN_DISTRESS.
     */
    public Map<Long, List<DetectedSignal>> distress(Connection connection, Map<Long, List<DetectedSignal>> recorded) {
        Map<Long, List<DetectedSignal>> fired = new LinkedHashMap<>();
        Map<Long, List<String>> distressed = new HashMap<>();
        recorded.forEach((companyId, signals) -> signals.forEach(d -> {
            if (severeEnough(parentInDistress, d) || severeEnough(subsidiaryInDistress, d)) {
                distressed
                        .computeIfAbsent(companyId, k -> new ArrayList<>())
                        .add(d.signal().code());
            }
        }));
        if (distressed.isEmpty()) {
            return fired;
        }
        try {
            Long[] ids = distressed.keySet().toArray(Long[]::new);
            if (parentInDistress.isPresent()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        select p.company_id, c.id, c.country || ' ' || c.number from company c
                        join company_parent p on p.parent_country = c.country and p.parent_number = c.number
                        where c.id = any(?)""")) {
                    select.setArray(1, connection.createArrayOf("bigint", ids));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            long parent = rs.getLong(2);
                            if (severeEnough(parentInDistress, distressed.get(parent), recorded.get(parent))) {
                                fired.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                        .add(new DetectedSignal(
                                                parentInDistress.get(),
                                                null,
                                                rs.getString(3) + ": " + String.join(", ", distressed.get(parent))));
                            }
                        }
                    }
                }
            }
            if (subsidiaryInDistress.isPresent()) {
                try (PreparedStatement select = connection.prepareStatement("""
                        select pc.id, p.company_id, c.country || ' ' || c.number from company_parent p
                        join company c on c.id = p.company_id
                        join company pc on pc.country = p.parent_country and pc.number = p.parent_number
                        where p.company_id = any(?)""")) {
                    select.setArray(1, connection.createArrayOf("bigint", ids));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            long subsidiary = rs.getLong(2);
                            if (severeEnough(
                                    subsidiaryInDistress, distressed.get(subsidiary), recorded.get(subsidiary))) {
                                fired.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                        .add(new DetectedSignal(
                                                subsidiaryInDistress.get(),
                                                null,
                                                rs.getString(3) + ": "
                                                        + String.join(", ", distressed.get(subsidiary))));
                            }
                        }
                    }
                }
            }
            return fired;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up parents and subsidiaries: " + e.getMessage(), e);
        }
    }

    private static boolean severeEnough(Optional<Signal> network, List<String> codes, List<DetectedSignal> signals) {
        return codes != null && signals.stream().anyMatch(d -> severeEnough(network, d));
    }

    private static boolean severeEnough(Optional<Signal> network, DetectedSignal detected) {
        if (network.isEmpty() || detected.signal().detector().startsWith("network-")) {
            return false;
        }
        Severity minimum = network.get().params().get("minSeverity") instanceof String s
                ? Severity.valueOf(s.toUpperCase(java.util.Locale.ROOT))
                : Severity.CRITICAL;
        return detected.signal().severity().isAtLeast(minimum);
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
