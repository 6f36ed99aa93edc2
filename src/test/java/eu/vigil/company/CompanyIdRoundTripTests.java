package eu.vigil.company;

import static eu.vigil.company.RandomCases.forAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.vigil.company.ParseResult.Valid;
import org.junit.jupiter.api.Test;

// Each test checks RandomCases.TRIES ids drawn from a fixed seed, spread evenly over the kinds of ValidIds.anyCompany.
class CompanyIdRoundTripTests {

    @Test
    void displayParsesBackInItsOwnCountry() {
        forAll(
                0x5EED_0301L,
                ValidIds::anyCompany,
                id -> assertEquals(new Valid(id), CompanyNumbers.parse(id.display(), id.country()), id::display));
    }

    @Test
    void vatNumberParsesBackWithoutADefaultCountry() {
        forAll(0x5EED_0302L, ValidIds::anyCompany, id -> {
            String vatNumber = id.vatNumber();
            if (vatNumber != null) {
                assertEquals(new Valid(id), CompanyNumbers.parse(vatNumber, null), vatNumber);
                assertEquals(new Valid(id), CompanyNumbers.parse(vatNumber, "GB"), vatNumber);
            }
        });
    }

    @Test
    void onlyBritishAndKvkIdsLackAVatNumber() {
        forAll(0x5EED_0303L, ValidIds::anyCompany, id -> {
            boolean expectsVatNumber = !id.country().equals("GB")
                    && !(id.country().equals("NL") && id.number().length() == 8);
            assertEquals(expectsVatNumber, id.vatNumber() != null, id::toString);
        });
    }
}
