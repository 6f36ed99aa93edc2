package eu.vigil.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One enterprise as a KBO Update extract lists it: its enterprise row and all its denomination, address,
 * contact, activity and establishment rows (an update carries the complete current rows of a key).
 * Starts as an ordinary active company; a case changes only what it is about.
 */
final class KboCompany {

    String situation = "000";
    String juridicalForm = "014";
    String startDate = "15-03-2010";
    boolean left;
    final List<String[]> denominations =
            new ArrayList<>(List.<String[]>of(new String[] {"2", "001", "Vigil Proef NV"}));
    /** TypeOfAddress, CountryNL, CountryFR, Zipcode, Municipality, Street, HouseNumber, DateStrikingOff. */
    final List<String[]> addresses =
            new ArrayList<>(List.<String[]>of(seat("", "", "2000", "Antwerpen", "Kerkstraat", "1", "")));

    final List<String[]> contacts = new ArrayList<>();
    /** ActivityGroup, NaceVersion, NaceCode, Classification. */
    final List<String[]> activities = new ArrayList<>(List.<String[]>of(new String[] {"003", "2025", "62100", "MAIN"}));
    /** Establishment suffixes 0-9: the numbers are made unique per enterprise when written. */
    final List<Integer> establishments = new ArrayList<>();

    static String[] seat(
            String countryNl,
            String countryFr,
            String zip,
            String municipality,
            String street,
            String number,
            String struckOff) {
        return new String[] {"REGO", countryNl, countryFr, zip, municipality, street, number, struckOff};
    }

    KboCompany copy() {
        KboCompany copy = new KboCompany();
        copy.situation = situation;
        copy.juridicalForm = juridicalForm;
        copy.startDate = startDate;
        copy.left = left;
        copy.denominations.clear();
        denominations.forEach(row -> copy.denominations.add(row.clone()));
        copy.addresses.clear();
        addresses.forEach(row -> copy.addresses.add(row.clone()));
        contacts.forEach(row -> copy.contacts.add(row.clone()));
        copy.activities.clear();
        activities.forEach(row -> copy.activities.add(row.clone()));
        copy.establishments.addAll(establishments);
        return copy;
    }

    KboCompany with(UnaryOperator<KboCompany> change) {
        return change.apply(copy());
    }

    // the vocabulary of the case table

    static UnaryOperator<KboCompany> situation(String code) {
        return c -> {
            c.situation = code;
            return c;
        };
    }

    static UnaryOperator<KboCompany> form(String code) {
        return c -> {
            c.juridicalForm = code;
            return c;
        };
    }

    static UnaryOperator<KboCompany> started(String ddmmyyyy) {
        return c -> {
            c.startDate = ddmmyyyy;
            return c;
        };
    }

    /** Left the active population: deleted from enterprise.csv without an insert. */
    static UnaryOperator<KboCompany> leaves() {
        return c -> {
            c.left = true;
            return c;
        };
    }

    static UnaryOperator<KboCompany> returns() {
        return c -> {
            c.left = false;
            return c;
        };
    }

    /** Replaces the denominations of a type (001 name, 002 abbreviation, 003 commercial name); none removes them. */
    static UnaryOperator<KboCompany> names(String type, String... values) {
        return c -> {
            c.denominations.removeIf(row -> row[1].equals(type));
            for (String value : values) {
                c.denominations.add(new String[] {"2", type, value});
            }
            return c;
        };
    }

    static UnaryOperator<KboCompany> seatAt(
            String countryNl, String countryFr, String zip, String municipality, String street, String number) {
        return c -> {
            String struckOff = c.addresses.getFirst()[7];
            c.addresses.set(0, seat(countryNl, countryFr, zip, municipality, street, number, struckOff));
            return c;
        };
    }

    static UnaryOperator<KboCompany> seatStruckOff(String ddmmyyyy) {
        return c -> {
            c.addresses.getFirst()[7] = ddmmyyyy;
            return c;
        };
    }

    /** Replaces the contacts of a type (TEL, EMAIL, WEB). */
    static UnaryOperator<KboCompany> contact(String type, String... values) {
        return c -> {
            c.contacts.removeIf(row -> row[0].equals(type));
            for (String value : values) {
                c.contacts.add(new String[] {type, value});
            }
            return c;
        };
    }

    static UnaryOperator<KboCompany> activity(String group, String nace, String classification) {
        return c -> {
            c.activities.add(new String[] {group, "2025", nace, classification});
            return c;
        };
    }

    static UnaryOperator<KboCompany> noActivity(String group, String nace, String classification) {
        return c -> {
            c.activities.removeIf(row -> row[0].equals(group) && row[2].equals(nace) && row[3].equals(classification));
            return c;
        };
    }

    static UnaryOperator<KboCompany> establishments(Integer... suffixes) {
        return c -> {
            c.establishments.clear();
            c.establishments.addAll(List.of(suffixes));
            return c;
        };
    }

    static UnaryOperator<KboCompany> unchanged() {
        return c -> c;
    }

    /** Dotted establishment number {@code 2.xxx.xxx.xxx} of an enterprise's establishment {@code suffix}. */
    static String establishmentNumber(String enterprise, int suffix) {
        String digits = "2" + enterprise.replace(".", "").substring(0, 8) + suffix;
        return digits.charAt(0) + "." + digits.substring(1, 4) + "." + digits.substring(4, 7) + "."
                + digits.substring(7);
    }

    static String dotted(String enterprise) {
        String digits = enterprise.replace(".", "");
        return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }
}
