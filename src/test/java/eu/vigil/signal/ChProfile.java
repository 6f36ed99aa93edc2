package eu.vigil.signal;

import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Address;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Profile;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One company-profile resource as the Companies House stream sends it. Starts as an ordinary active
 * company filed up to date; a case changes only what it is about.
 */
final class ChProfile {

    String name = "VIGIL PROEF LIMITED";
    String type = "ltd";
    LocalDate created = LocalDate.of(2010, 3, 15);
    LocalDate ceased;
    String status = "active";
    String detail;
    Address office = new Address("1 Church Street", "London", "EC1A 1AA", "England");
    List<String> sic = List.of("62012");
    boolean hasCharges;
    boolean insolvencyHistory;
    LocalDate lastAccounts = LocalDate.of(2024, 12, 31);
    boolean confirmationOverdue;

    ChProfile copy() {
        ChProfile copy = new ChProfile();
        copy.name = name;
        copy.type = type;
        copy.created = created;
        copy.ceased = ceased;
        copy.status = status;
        copy.detail = detail;
        copy.office = office;
        copy.sic = sic;
        copy.hasCharges = hasCharges;
        copy.insolvencyHistory = insolvencyHistory;
        copy.lastAccounts = lastAccounts;
        copy.confirmationOverdue = confirmationOverdue;
        return copy;
    }

    ChProfile with(UnaryOperator<ChProfile> change) {
        return change.apply(copy());
    }

    Profile of(String number) {
        return new Profile(
                number,
                name,
                type,
                created,
                ceased,
                status,
                detail,
                office,
                sic,
                hasCharges,
                insolvencyHistory,
                false,
                lastAccounts,
                confirmationOverdue);
    }

    CompaniesHouseStreamWriter.Envelope envelope(String number, long timepoint, String publishedAt) {
        return CompaniesHouseStreamWriter.profile(of(number), timepoint, publishedAt);
    }

    // the vocabulary of the case table

    static UnaryOperator<ChProfile> same() {
        return c -> c;
    }

    static UnaryOperator<ChProfile> status(String status) {
        return c -> {
            c.status = status;
            return c;
        };
    }

    static UnaryOperator<ChProfile> detail(String detail) {
        return c -> {
            c.detail = detail;
            return c;
        };
    }

    static UnaryOperator<ChProfile> dissolved(String ceasedOn) {
        return c -> {
            c.status = "dissolved";
            c.ceased = LocalDate.parse(ceasedOn);
            return c;
        };
    }

    static UnaryOperator<ChProfile> named(String name) {
        return c -> {
            c.name = name;
            return c;
        };
    }

    static UnaryOperator<ChProfile> officeAt(String line1, String locality, String postcode) {
        return c -> {
            c.office = new Address(line1, locality, postcode, "England");
            return c;
        };
    }

    static UnaryOperator<ChProfile> sic(String... codes) {
        return c -> {
            c.sic = List.of(codes);
            return c;
        };
    }

    static UnaryOperator<ChProfile> insolvencyHistory(boolean flag) {
        return c -> {
            c.insolvencyHistory = flag;
            return c;
        };
    }

    static UnaryOperator<ChProfile> confirmationOverdue(boolean flag) {
        return c -> {
            c.confirmationOverdue = flag;
            return c;
        };
    }

    static UnaryOperator<ChProfile> hasCharges(boolean flag) {
        return c -> {
            c.hasCharges = flag;
            return c;
        };
    }

    static UnaryOperator<ChProfile> accountsTo(String madeUpTo) {
        return c -> {
            c.lastAccounts = LocalDate.parse(madeUpTo);
            return c;
        };
    }

    static UnaryOperator<ChProfile> created(String date) {
        return c -> {
            c.created = LocalDate.parse(date);
            return c;
        };
    }
}
