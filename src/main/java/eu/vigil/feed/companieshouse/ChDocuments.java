package eu.vigil.feed.companieshouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sections Companies House fills, in a canonical form so that equal views hash equally. The
 * identity holds the profile and the charges, the status the insolvency cases and what they and the
 * profile mean, the governance the current appointments and the disqualifications of those officers.
 * A list left null is a part Companies House has not spoken about yet; an empty one says "none".
 */
final class ChDocuments {

    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ChDocuments() {}

    /** A name as the registry's search and the company page read it: type 001 is the legal name. */
    record Name(String type, String value) {}

    record Address(String line1, String line2, String locality, String region, String postalCode, String country) {

        /** One line a person reads, and that changes when the office moves. */
        String line() {
            List<String> parts = new ArrayList<>();
            for (String part : new String[] {line1, line2, locality, region, postalCode}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part.trim());
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
    }

    /** The company-profile resource, as far as Vigil reads it; {@code deleted} when Companies House withdrew it. */
    record Profile(
            String name,
            String type,
            String jurisdiction,
            String createdOn,
            String ceasedOn,
            String status,
            String statusDetail,
            Address office,
            List<String> sicCodes,
            Boolean hasCharges,
            Boolean hasInsolvencyHistory,
            Boolean accountsOverdue,
            String lastAccountsMadeUpTo,
            Boolean confirmationOverdue,
            boolean deleted) {

        Profile {
            sicCodes = sicCodes == null ? List.of() : List.copyOf(sicCodes);
        }

        Profile withdrawn() {
            return new Profile(
                    name,
                    type,
                    jurisdiction,
                    createdOn,
                    ceasedOn,
                    status,
                    statusDetail,
                    office,
                    sicCodes,
                    hasCharges,
                    hasInsolvencyHistory,
                    accountsOverdue,
                    lastAccountsMadeUpTo,
                    confirmationOverdue,
                    true);
        }
    }

    /** A charge (mortgage, debenture) registered against the company. */
    record Charge(
            String id,
            String number,
            String description,
            String status,
            String createdOn,
            String deliveredOn,
            List<String> entitled) {

        Charge {
            entitled = entitled == null ? List.of() : List.copyOf(entitled);
        }

        boolean outstanding() {
            return status == null || !(status.equals("satisfied") || status.equals("fully-satisfied"));
        }

        /** How a person reads it in an event, and what tells two charges apart. */
        String member() {
            StringBuilder member = new StringBuilder("Charge ").append(number == null ? id : number);
            if (description != null) {
                member.append(": ").append(description);
            }
            if (!entitled.isEmpty()) {
                member.append(" (").append(String.join(", ", entitled)).append(')');
            }
            return member.toString();
        }
    }

    /**
     * @param chargesReportedOn the day the profile first said the company has charges while none of them was named:
     *                          the charges delivered by then are the ones that report stood for
     */
    record Identity(List<Name> names, Profile profile, List<Charge> charges, String chargesReportedOn) {

        Identity {
            names = names == null ? List.of() : List.copyOf(names);
            charges = charges == null
                    ? null
                    : charges.stream().sorted(Comparator.comparing(Charge::id)).toList();
        }
    }

    /** An insolvency case with its dates by type (wound-up-on, administration-started-on, ...). */
    record InsolvencyCase(String number, String type, Map<String, String> dates) {

        InsolvencyCase {
            dates = dates == null ? Map.of() : new TreeMap<>(dates);
        }
    }

    /**
     * @param chStatus           the company's situation as Companies House shows it: the profile's status (or its
     *                           detail, e.g. active-proposal-to-strike-off), or an open insolvency case the profile
     *                           does not show yet
     * @param juridicalSituation the same in the registry's common vocabulary (KBO's situation codes where one
     *                           means the same thing, else Companies House's word)
     */
    record Status(Boolean active, String chStatus, String juridicalSituation, List<InsolvencyCase> cases) {

        Status {
            cases = cases == null
                    ? null
                    : cases.stream()
                            .sorted(Comparator.comparing(InsolvencyCase::number))
                            .toList();
        }
    }

    /** A current appointment: {@code id} is the officer (the person across companies), as the officer index keys them. */
    record Officer(String appointment, String id, String name, String role, String since) {

        String member() {
            return (name == null ? "?" : name) + " (" + (role == null ? "officer" : role) + ")";
        }
    }

    /** A disqualification of one of the company's officers. */
    record Disqualification(String officer, String description, String from, String until) {}

    record Governance(List<Officer> officers, List<Disqualification> disqualified) {

        Governance {
            officers = officers == null
                    ? List.of()
                    : officers.stream()
                            .sorted(Comparator.comparing(Officer::appointment))
                            .toList();
            disqualified = disqualified == null
                    ? List.of()
                    : disqualified.stream()
                            .sorted(Comparator.comparing(Disqualification::officer)
                                    .thenComparing(Disqualification::description))
                            .toList();
        }
    }
}
