package eu.vigil.feed.kbo;

import eu.vigil.feed.kbo.KboDocuments.Activity;
import eu.vigil.feed.kbo.KboDocuments.Address;
import eu.vigil.feed.kbo.KboDocuments.Contact;
import eu.vigil.feed.kbo.KboDocuments.Identity;
import eu.vigil.feed.kbo.KboDocuments.Name;
import eu.vigil.feed.kbo.KboDocuments.Status;
import eu.vigil.signal.FieldValues;
import java.util.List;
import java.util.TreeSet;

/** The catalogue's identity and status fields as KBO's documents fill them. */
final class KboFields {

    private KboFields() {}

    static FieldValues of(Identity identity, Status status) {
        FieldValues fields = new FieldValues(KboAdapter.COUNTRY);
        if (identity != null) {
            fields.text("identity.name", names(identity, "001"))
                    .text("identity.abbreviation", names(identity, "002"))
                    .set(
                            "identity.commercialNames",
                            identity.names().stream()
                                    .filter(n -> "003".equals(n.type()))
                                    .map(Name::value)
                                    .toList())
                    .text("identity.legalForm", identity.juridicalForm())
                    .text("identity.startDate", identity.startDate())
                    .set(
                            "identity.establishments",
                            identity.establishments().stream()
                                    .map(KboDocuments.Establishment::number)
                                    .toList())
                    .set(
                            "identity.activityGroups",
                            identity.activities().stream().map(Activity::group).toList())
                    .text("identity.mainActivity", String.join(", ", activities(identity, "MAIN")))
                    .set("identity.secondaryActivities", activities(identity, "SECO"))
                    .text("identity.phone", contacts(identity, "TEL"))
                    .text("identity.email", contacts(identity, "EMAIL"))
                    .text("identity.website", contacts(identity, "WEB"));
            Address seat = identity.addresses().stream()
                    .filter(a -> "REGO".equals(a.type()))
                    .findFirst()
                    .orElse(null);
            fields.text("identity.seatAddress", seat == null ? null : seatLine(seat))
                    .text("identity.seatCountry", seat == null ? null : country(seat))
                    .text("identity.seatStruckOff", seat == null ? null : seat.struckOffOn());
        }
        if (status != null) {
            firstSeen(fields, status);
        }
        return fields;
    }

    /** Just what a first sight looks at: the situation, whether active, and the start date. */
    static FieldValues firstSeen(Identity identity, Status status) {
        FieldValues fields = new FieldValues(KboAdapter.COUNTRY);
        if (identity != null) {
            fields.text("identity.startDate", identity.startDate());
        }
        return firstSeen(fields, status);
    }

    private static FieldValues firstSeen(FieldValues fields, Status status) {
        return status == null
                ? fields
                : fields.text("status.active", status.active())
                        .text("status.juridicalSituation", status.juridicalSituation());
    }

    private static String names(Identity identity, String type) {
        return String.join(
                " / ",
                new TreeSet<>(identity.names().stream()
                        .filter(n -> type.equals(n.type()))
                        .map(Name::value)
                        .toList()));
    }

    private static String contacts(Identity identity, String type) {
        return String.join(
                ", ",
                new TreeSet<>(identity.contacts().stream()
                        .filter(c -> type.equals(c.type()))
                        .map(Contact::value)
                        .toList()));
    }

    /** The codes of one classification in the newest NACE version the company has. */
    private static List<String> activities(Identity identity, String classification) {
        String newest = identity.activities().stream()
                .map(Activity::naceVersion)
                .max(String::compareTo)
                .orElse("");
        return identity.activities().stream()
                .filter(a -> classification.equals(a.classification()) && newest.equals(a.naceVersion()))
                .map(Activity::naceCode)
                .distinct()
                .sorted()
                .toList();
    }

    private static String seatLine(Address a) {
        String street = a.streetNL() == null || a.streetNL().isBlank() ? a.streetFR() : a.streetNL();
        String city =
                a.municipalityNL() == null || a.municipalityNL().isBlank() ? a.municipalityFR() : a.municipalityNL();
        return (nz(street) + " " + nz(a.houseNumber()) + (nz(a.box()).isEmpty() ? "" : " bus " + a.box()) + ", "
                        + nz(a.zipcode()) + " " + nz(city))
                .trim();
    }

    private static String country(Address a) {
        String country = a.countryNL() == null || a.countryNL().isBlank() ? a.countryFR() : a.countryNL();
        return country == null || country.isBlank() ? KboAdapter.COUNTRY : country;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
