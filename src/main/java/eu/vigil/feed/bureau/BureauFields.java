package eu.vigil.feed.bureau;

import eu.vigil.feed.bureau.BureauDocuments.Governance;
import eu.vigil.feed.bureau.BureauDocuments.Incident;
import eu.vigil.feed.bureau.BureauDocuments.LegalEvents;
import eu.vigil.feed.bureau.BureauDocuments.Officer;
import eu.vigil.feed.bureau.BureauDocuments.PaymentBehaviour;
import eu.vigil.feed.bureau.BureauDocuments.Scores;
import eu.vigil.signal.FieldValues;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The catalogue's scores, payment, legal and governance fields as a bureau's sections fill them. */
final class BureauFields {

    /** Roles that make an officer the one running the company day to day. */
    private static final Set<String> MANAGING_ROLES = Set.of("managing-director", "ceo", "chief-executive-officer",
            "gerant", "gérant", "zaakvoerder", "amministratore-delegato", "delegated-director", "gedelegeerd-bestuurder",
            "administrateur-delegue", "administrateur-délégué");

    private BureauFields() {
    }

    /** The fields of whichever sections are present (null = the bureau never said anything about it). */
    static FieldValues of(String homeCountry, Scores scores, PaymentBehaviour payment, Governance governance,
                          LegalEvents legal, LocalDate asOf) {
        FieldValues fields = new FieldValues(homeCountry).asOf(asOf);
        if (scores != null) {
            fields.text("scores.rating", scores.rating())
                    .text("scores.riskClass", scores.riskClass())
                    .text("scores.pd", scores.pd())
                    .text("scores.creditLimit", scores.creditLimit())
                    .text("scores.paymentScore", scores.paymentScore())
                    .text("scores.growthScore", scores.growthScore())
                    .text("scores.dissolutionScore", scores.dissolutionScore())
                    .text("scores.multiscore", scores.multiscore());
        }
        if (payment != null) {
            fields.text("payment.dbt", payment.dbt()).dated("payment.incidents", incidents(payment.incidents()));
        }
        if (legal != null) {
            fields.dated("legal.protests", incidents(legal.protests()))
                    .dated("legal.seizures", incidents(legal.seizures()))
                    .dated("legal.socialSecuritySummons", incidents(legal.socialSecuritySummons()))
                    .dated("legal.taxDebts", incidents(legal.taxDebts()))
                    .dated("legal.judgments", incidents(legal.judgments()));
        }
        if (governance != null) {
            Map<String, LocalDate> officers = new LinkedHashMap<>();
            governance.officers().forEach(o -> officers.put(o.key(), date(o.since())));
            fields.dated("governance.officers", officers)
                    .text("governance.managingDirector", String.join(", ", new TreeSet<>(governance.officers().stream()
                            .filter(BureauFields::managing).map(o -> o.name() == null ? o.key() : o.name()).toList())))
                    .text("governance.auditor", governance.auditor() == null ? null : governance.auditor().display())
                    .text("governance.parent", governance.parent() == null ? null : governance.parent().display());
        }
        return fields;
    }

    static boolean managing(Officer officer) {
        return officer.role() != null && MANAGING_ROLES.contains(officer.role().toLowerCase(Locale.ROOT).replace(' ', '-'));
    }

    private static Map<String, LocalDate> incidents(List<Incident> incidents) {
        Map<String, LocalDate> members = new LinkedHashMap<>();
        incidents.forEach(i -> members.put(i.key(), date(i.date())));
        return members;
    }

    /** yyyy-mm-dd as the adapter stores it, read without the general parser (this runs for every member of every set). */
    static LocalDate date(String iso) {
        if (iso == null || iso.length() != 10 || iso.charAt(4) != '-' || iso.charAt(7) != '-') {
            return null;
        }
        try {
            return LocalDate.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.DateTimeException("not a digit");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
