package eu.vigil.feed.bureau;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sections a credit bureau fills, in a canonical form so that equal views hash equally. The as-of
 * date is kept on the section row, not in the document: an unchanged view must hash the same.
 */
final class BureauDocuments {

    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private BureauDocuments() {}

    record Scores(
            String bureau,
            String rating,
            BigDecimal riskClass,
            BigDecimal pd,
            BigDecimal creditLimit,
            String currency,
            BigDecimal paymentScore,
            BigDecimal growthScore,
            BigDecimal dissolutionScore,
            BigDecimal multiscore) {
        static final Scores EMPTY = new Scores(null, null, null, null, null, null, null, null, null, null);
    }

    record PaymentBehaviour(BigDecimal dbt, List<Incident> incidents) {
        static final PaymentBehaviour EMPTY = new PaymentBehaviour(null, List.of());

        PaymentBehaviour {
            incidents = Incident.sorted(incidents);
        }
    }

    record Governance(List<Officer> officers, Party auditor, CompanyRef parent) {
        static final Governance EMPTY = new Governance(List.of(), null, null);

        Governance {
            officers = officers == null
                    ? List.of()
                    : officers.stream()
                            .sorted(Comparator.comparing(Officer::key))
                            .toList();
        }
    }

    record LegalEvents(
            List<Incident> protests,
            List<Incident> seizures,
            List<Incident> socialSecuritySummons,
            List<Incident> taxDebts,
            List<Incident> judgments) {
        static final LegalEvents EMPTY = new LegalEvents(List.of(), List.of(), List.of(), List.of(), List.of());

        LegalEvents {
            protests = Incident.sorted(protests);
            seizures = Incident.sorted(seizures);
            socialSecuritySummons = Incident.sorted(socialSecuritySummons);
            taxDebts = Incident.sorted(taxDebts);
            judgments = Incident.sorted(judgments);
        }
    }

    /** A dated incident: a protest, a seizure, a summons, a tax debt, a judgment or a late payment. */
    record Incident(String date, BigDecimal amount, Integer daysLate, String description) {

        static List<Incident> sorted(List<Incident> incidents) {
            return incidents == null
                    ? List.of()
                    : incidents.stream()
                            .sorted(Comparator.comparing(Incident::key))
                            .toList();
        }

        /** How a person reads it in an event, and what tells two incidents apart. */
        String key() {
            StringBuilder key = new StringBuilder(date == null ? "undated" : date);
            if (amount != null) {
                // a whole amount has no trailing zeros to strip (the usual case, and this runs for every incident of
                // every view)
                key.append(" · ")
                        .append(
                                amount.scale() <= 0
                                        ? amount.toPlainString()
                                        : amount.stripTrailingZeros().toPlainString());
            }
            if (daysLate != null) {
                key.append(" · ").append(daysLate).append(" d");
            }
            if (description != null) {
                key.append(" · ").append(description);
            }
            return key.toString();
        }
    }

    record Officer(String id, String name, String role, String since) {

        /** The person across companies: the bureau's id, else the name. */
        String person() {
            return id != null ? id : "name:" + (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT));
        }

        String key() {
            return (name == null ? "?" : name) + " (" + (role == null ? "officer" : role)
                    + (id == null ? "" : ", " + id) + ")";
        }
    }

    record Party(String id, String name) {
        String display() {
            return (name == null ? "" : name) + (id == null ? "" : " (" + id + ")");
        }
    }

    record CompanyRef(String country, String number) {
        String display() {
            return country + " " + number;
        }
    }
}
