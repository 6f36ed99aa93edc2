package eu.vigil.feed.companieshouse;

import eu.vigil.feed.companieshouse.ChDocuments.Charge;
import eu.vigil.feed.companieshouse.ChDocuments.Disqualification;
import eu.vigil.feed.companieshouse.ChDocuments.Officer;
import eu.vigil.feed.companieshouse.ChDocuments.Profile;
import eu.vigil.signal.FieldValues;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The catalogue's fields as Companies House fills them, for the parts of a company its streams have
 * spoken about: the profile gives identity and status (with the insolvency cases), the charges stream
 * the charges, the officers stream the board and, with the disqualified-officers stream, its disqualified members.
 */
final class CompaniesHouseFields {

    static final String COUNTRY = "GB";
    /** Where Companies House says a registered office is when it means the United Kingdom. */
    private static final Set<String> HOME = Set.of(
            "united kingdom",
            "uk",
            "england",
            "wales",
            "scotland",
            "northern ireland",
            "england and wales",
            "great britain",
            "gb");
    /** The member that stands for the charges the profile reported before the charges stream named them. */
    static final String CHARGES_REPORTED = "Charges registered (company profile)";

    private CompaniesHouseFields() {}

    /** The fields of every part the company's streams have spoken about, those {@code include} accepts. */
    static FieldValues of(ChCompany c, LocalDate asOf, Predicate<String> include) {
        Fields fields = new Fields(new FieldValues(COUNTRY).asOf(asOf), include);
        Profile p = c.profile;
        if (c.knowsProfile()) {
            fields.text("identity.name", p.name())
                    .text("identity.legalForm", p.type())
                    .text(
                            "identity.seatAddress",
                            p.office() == null ? null : p.office().line())
                    .text(
                            "identity.seatCountry",
                            p.office() == null ? null : country(p.office().country()))
                    .text(
                            "identity.mainActivity",
                            p.sicCodes().isEmpty() ? null : p.sicCodes().getFirst())
                    .set(
                            "identity.secondaryActivities",
                            p.sicCodes().size() < 2
                                    ? List.of()
                                    : p.sicCodes().subList(1, p.sicCodes().size()))
                    .text("identity.startDate", p.createdOn())
                    .text("identity.insolvencyHistory", p.hasInsolvencyHistory())
                    .text("identity.confirmationOverdue", p.confirmationOverdue())
                    .text("identity.strikeOffProposed", "active-proposal-to-strike-off".equals(p.statusDetail()))
                    .text("accounts.filing", p.lastAccountsMadeUpTo())
                    .text("accounts.overdue", p.accountsOverdue());
        }
        if (c.knowsCharges()) {
            Map<String, LocalDate> charges = new LinkedHashMap<>();
            boolean reported = c.chargesUnnamed();
            for (Charge charge : c.charges == null ? List.<Charge>of() : c.charges) {
                if (!charge.outstanding()) {
                    continue;
                }
                // a charge the profile already reported keeps the report's member: naming it is not a new charge
                if (c.reportedBefore(charge)) {
                    reported = true;
                } else {
                    charges.put(charge.member(), date(charge.createdOn()));
                }
            }
            if (reported) {
                charges.put(CHARGES_REPORTED, null);
            }
            fields.dated("identity.charges", charges);
        }
        if (c.knowsStatus()) {
            fields.text("status.active", c.active())
                    .text("status.chStatus", c.chStatus())
                    .text("status.juridicalSituation", c.juridicalSituation());
        }
        if (c.knowsGovernance()) {
            Map<String, LocalDate> officers = new LinkedHashMap<>();
            c.officers.stream()
                    .sorted(java.util.Comparator.comparing(Officer::member))
                    .forEach(o -> officers.putIfAbsent(o.member(), date(o.since())));
            Map<String, LocalDate> disqualified = new LinkedHashMap<>();
            for (Disqualification d : c.disqualified) {
                disqualified.put(d.description(), date(d.from()));
            }
            fields.dated("governance.officers", officers).dated("governance.disqualifiedOfficers", disqualified);
        }
        return fields.values;
    }

    private static String country(String country) {
        if (country == null || country.isBlank() || HOME.contains(country.trim().toLowerCase(Locale.ROOT))) {
            return COUNTRY;
        }
        return country.trim();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /** A view that takes only the fields {@code include} accepts. */
    private record Fields(FieldValues values, Predicate<String> include) {

        Fields text(String field, Object value) {
            if (include.test(field)) {
                values.text(field, value);
            }
            return this;
        }

        Fields set(String field, List<String> members) {
            if (include.test(field)) {
                values.set(field, members);
            }
            return this;
        }

        Fields dated(String field, Map<String, LocalDate> members) {
            if (include.test(field)) {
                values.dated(field, members);
            }
            return this;
        }
    }
}
