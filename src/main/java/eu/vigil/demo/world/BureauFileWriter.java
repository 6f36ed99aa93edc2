package eu.vigil.demo.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes credit-bureau snapshots as the bureau feed takes them (src/docs/feeds.md §5): JSON Lines, one company per
 * line. A null field is left out of the line (unknown to the bureau, so the adapter keeps what it held);
 * a list is written whenever it is not null, so an empty one clears what was there.
 */
public final class BureauFileWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BureauFileWriter() {}

    public record Officer(String id, String name, String role, LocalDate since) {}

    public record Party(String id, String name) {}

    public record CompanyRef(String country, String number) {}

    /** A protest, seizure, summons, tax debt, judgment or late payment ({@code daysLate} only for the latter). */
    public record Incident(LocalDate date, long amount, Integer daysLate) {}

    public record Snapshot(
            String country,
            String number,
            LocalDate asOf,
            String bureau,
            String rating,
            Integer riskClass,
            BigDecimal pd,
            Long creditLimit,
            String currency,
            Integer paymentScore,
            Integer dbtDays,
            Integer growthScore,
            Integer dissolutionScore,
            Integer multiscore,
            List<Officer> officers,
            Party auditor,
            CompanyRef parent,
            List<Incident> protests,
            List<Incident> seizures,
            List<Incident> socialSecuritySummons,
            List<Incident> taxDebts,
            List<Incident> judgments,
            List<Incident> paymentIncidents) {}

    public static String line(Snapshot s) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("country", s.country());
        line.put("number", s.number());
        line.put("as_of", s.asOf().toString());
        put(line, "bureau", s.bureau());
        put(line, "rating", s.rating());
        put(line, "risk_class", s.riskClass());
        put(line, "pd", s.pd());
        put(line, "credit_limit", s.creditLimit());
        put(line, "currency", s.currency());
        put(line, "payment_score", s.paymentScore());
        put(line, "dbt_days", s.dbtDays());
        put(line, "growth_score", s.growthScore());
        put(line, "dissolution_score", s.dissolutionScore());
        put(line, "multiscore", s.multiscore());
        if (s.officers() != null) {
            line.put(
                    "officers",
                    s.officers().stream()
                            .map(o -> {
                                Map<String, Object> officer = new LinkedHashMap<>();
                                put(officer, "id", o.id());
                                put(officer, "name", o.name());
                                put(officer, "role", o.role());
                                put(
                                        officer,
                                        "since",
                                        o.since() == null ? null : o.since().toString());
                                return officer;
                            })
                            .toList());
        }
        put(
                line,
                "auditor",
                s.auditor() == null
                        ? null
                        : Map.of("id", s.auditor().id(), "name", s.auditor().name()));
        put(
                line,
                "parent",
                s.parent() == null
                        ? null
                        : Map.of(
                                "country",
                                s.parent().country(),
                                "number",
                                s.parent().number()));
        incidents(line, "protests", s.protests());
        incidents(line, "seizures", s.seizures());
        incidents(line, "social_security_summons", s.socialSecuritySummons());
        incidents(line, "tax_debts", s.taxDebts());
        incidents(line, "judgments", s.judgments());
        incidents(line, "payment_incidents", s.paymentIncidents());
        return JSON.writeValueAsString(line);
    }

    private static void incidents(Map<String, Object> line, String field, List<Incident> incidents) {
        if (incidents == null) {
            return;
        }
        line.put(
                field,
                incidents.stream()
                        .map(i -> {
                            Map<String, Object> incident = new LinkedHashMap<>();
                            incident.put("date", i.date().toString());
                            incident.put("amount", i.amount());
                            put(incident, "days_late", i.daysLate());
                            return incident;
                        })
                        .toList());
    }

    private static void put(Map<String, Object> line, String field, Object value) {
        if (value != null) {
            line.put(field, value);
        }
    }

    public static Path write(Path file, Iterable<Snapshot> snapshots) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Snapshot snapshot : snapshots) {
                out.write(line(snapshot));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
