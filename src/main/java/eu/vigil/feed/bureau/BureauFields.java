package eu.vigil.feed.bureau;

import eu.vigil.feed.bureau.BureauDocuments.Governance;
import eu.vigil.feed.bureau.BureauDocuments.Incident;
import eu.vigil.feed.bureau.BureauDocuments.LegalEvents;
import eu.vigil.feed.bureau.BureauDocuments.Officer;
import eu.vigil.feed.bureau.BureauDocuments.PaymentBehaviour;
import eu.vigil.feed.bureau.BureauDocuments.Scores;
import eu.vigil.signal.FieldValues;
import eu.vigil.signal.FieldValues.Field;
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
    private static final Set<String> MANAGING_ROLES = Set.of(
            "managing-director",
            "ceo",
            "chief-executive-officer",
            "gerant",
            "gérant",
            "zaakvoerder",
            "amministratore-delegato",
            "delegated-director",
            "gedelegeerd-bestuurder",
            "administrateur-delegue",
            "administrateur-délégué");

    private static final Field SCORES_RATING = FieldValues.field("scores.rating");
    private static final Field SCORES_RISK_CLASS = FieldValues.field("scores.riskClass");
    private static final Field SCORES_PD = FieldValues.field("scores.pd");
    private static final Field SCORES_CREDIT_LIMIT = FieldValues.field("scores.creditLimit");
    private static final Field SCORES_PAYMENT_SCORE = FieldValues.field("scores.paymentScore");
    private static final Field SCORES_GROWTH_SCORE = FieldValues.field("scores.growthScore");
    private static final Field SCORES_DISSOLUTION_SCORE = FieldValues.field("scores.dissolutionScore");
    private static final Field SCORES_MULTISCORE = FieldValues.field("scores.multiscore");
    private static final Field PAYMENT_DBT = FieldValues.field("payment.dbt");
    private static final Field PAYMENT_INCIDENTS = FieldValues.field("payment.incidents");
    private static final Field LEGAL_PROTESTS = FieldValues.field("legal.protests");
    private static final Field LEGAL_SEIZURES = FieldValues.field("legal.seizures");
    private static final Field LEGAL_SOCIAL_SECURITY_SUMMONS = FieldValues.field("legal.socialSecuritySummons");
    private static final Field LEGAL_TAX_DEBTS = FieldValues.field("legal.taxDebts");
    private static final Field LEGAL_JUDGMENTS = FieldValues.field("legal.judgments");
    private static final Field GOVERNANCE_OFFICERS = FieldValues.field("governance.officers");
    private static final Field GOVERNANCE_MANAGING_DIRECTOR = FieldValues.field("governance.managingDirector");
    private static final Field GOVERNANCE_AUDITOR = FieldValues.field("governance.auditor");
    private static final Field GOVERNANCE_PARENT = FieldValues.field("governance.parent");

    private BureauFields() {}

    /** The fields of whichever sections are present (null = the bureau never said anything about it). */
    static FieldValues of(
            String homeCountry,
            Scores scores,
            PaymentBehaviour payment,
            Governance governance,
            LegalEvents legal,
            LocalDate asOf) {
        FieldValues fields = new FieldValues(homeCountry).asOf(asOf);
        if (scores != null) {
            fields.text(SCORES_RATING, scores.rating())
                    .text(SCORES_RISK_CLASS, scores.riskClass())
                    .text(SCORES_PD, scores.pd())
                    .text(SCORES_CREDIT_LIMIT, scores.creditLimit())
                    .text(SCORES_PAYMENT_SCORE, scores.paymentScore())
                    .text(SCORES_GROWTH_SCORE, scores.growthScore())
                    .text(SCORES_DISSOLUTION_SCORE, scores.dissolutionScore())
                    .text(SCORES_MULTISCORE, scores.multiscore());
        }
        if (payment != null) {
            fields.text(PAYMENT_DBT, payment.dbt()).dated(PAYMENT_INCIDENTS, incidents(payment.incidents()));
        }
        if (legal != null) {
            fields.dated(LEGAL_PROTESTS, incidents(legal.protests()))
                    .dated(LEGAL_SEIZURES, incidents(legal.seizures()))
                    .dated(LEGAL_SOCIAL_SECURITY_SUMMONS, incidents(legal.socialSecuritySummons()))
                    .dated(LEGAL_TAX_DEBTS, incidents(legal.taxDebts()))
                    .dated(LEGAL_JUDGMENTS, incidents(legal.judgments()));
        }
        if (governance != null) {
            Map<String, LocalDate> officers =
                    new LinkedHashMap<>(governance.officers().size() * 2);
            TreeSet<String> managers = null;
            for (Officer officer : governance.officers()) {
                String key = officer.key();
                officers.put(key, date(officer.since()));
                if (managing(officer)) {
                    managers = managers == null ? new TreeSet<>() : managers;
                    managers.add(officer.name() == null ? key : officer.name());
                }
            }
            fields.dated(GOVERNANCE_OFFICERS, officers)
                    .text(GOVERNANCE_MANAGING_DIRECTOR, managers == null ? null : String.join(", ", managers))
                    .text(
                            GOVERNANCE_AUDITOR,
                            governance.auditor() == null
                                    ? null
                                    : governance.auditor().display())
                    .text(
                            GOVERNANCE_PARENT,
                            governance.parent() == null
                                    ? null
                                    : governance.parent().display());
        }
        return fields;
    }

    static boolean managing(Officer officer) {
        String role = officer.role();
        return role != null
                && (MANAGING_ROLES.contains(role)
                        || MANAGING_ROLES.contains(role.toLowerCase(Locale.ROOT).replace(' ', '-')));
    }

    private static Map<String, LocalDate> incidents(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return Map.of();
        }
        Map<String, LocalDate> members = new LinkedHashMap<>(incidents.size() * 2);
        for (Incident incident : incidents) {
            members.put(incident.key(), date(incident.date()));
        }
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
