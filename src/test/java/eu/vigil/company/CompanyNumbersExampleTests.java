package eu.vigil.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.vigil.company.ParseResult.Invalid;
import eu.vigil.company.ParseResult.Reason;
import eu.vigil.company.ParseResult.Valid;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNumbersExampleTests {

    private static final CompanyId BE_0403170701 = new CompanyId("BE", "0403170701");
    private static final CompanyId FR_443121975 = new CompanyId("FR", "443121975");

    static CompanyId valid(String raw, String defaultCountry) {
        ParseResult result = CompanyNumbers.parse(raw, defaultCountry);
        return assertInstanceOf(Valid.class, result, () -> raw + " should be valid but was " + result)
                .id();
    }

    static Invalid invalid(String raw, String defaultCountry, Reason expected) {
        ParseResult result = CompanyNumbers.parse(raw, defaultCountry);
        Invalid invalid = assertInstanceOf(Invalid.class, result, () -> raw + " should be invalid but was " + result);
        assertEquals(expected, invalid.reason(), invalid::detail);
        return invalid;
    }

    @Nested
    class Belgium {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "0403.170.701",
                    "0403170701",
                    "403170701",
                    "BE 0403 170 701",
                    "BE0403170701",
                    "BE403170701",
                    "be0403.170.701",
                    "Be 403.170.701",
                    "  0403.170.701\t",
                    "\"0403.170.701\"",
                    "'BE 0403.170.701'",
                    "\u201CBE 0403 170 701\u201D",
                    "\u00A0BE\u00A00403\u00A0170\u00A0701\u00A0",
                    "0403-170-701",
                    "0403/170/701",
                    "BE-0403.170.701",
                    "\uFEFF0403170701",
                    "0403\u202F170\u202F701"
                })
        void acceptsEveryNotation(String raw) {
            assertEquals(BE_0403170701, valid(raw, "BE"));
            assertEquals(BE_0403170701, valid(raw, null));
            assertEquals(BE_0403170701, CompanyNumbers.parse(raw) instanceof Valid v ? v.id() : null);
        }

        @Test
        void acceptsAnOldNumberStartingWith02() {
            assertEquals(new CompanyId("BE", "0200065765"), valid("0200.065.765", "BE"));
        }

        @Test
        void rejectsWrongCheckDigitsNamingTheNumber() {
            Invalid invalid = invalid("0403.170.702", "BE", Reason.BAD_CHECK_DIGIT);
            assertEquals("BE enterprise number 0403.170.702 fails the mod-97 check", invalid.detail());
            assertEquals("0403.170.702", invalid.raw());
        }

        @Test
        void rejectsEstablishmentUnitNumbers() {
            Invalid invalid = invalid("2.123.456.789", "BE", Reason.UNKNOWN_FORMAT);
            assertTrue(invalid.detail().contains("establishment unit"), invalid::detail);
        }

        @Test
        void rejectsNumbersStartingWith9() {
            invalid("9403.170.701", "BE", Reason.UNKNOWN_FORMAT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"BE 0403 170 7", "04031707011", "BE"})
        void rejectsWrongLengths(String raw) {
            invalid(raw, "BE", Reason.WRONG_LENGTH);
        }

        @Test
        void rejectsLettersWhereDigitsBelong() {
            Invalid invalid = invalid("0403.17O.701", "BE", Reason.INVALID_CHARACTERS);
            assertTrue(invalid.detail().contains("'O'"), invalid::detail);
        }

        @Test
        void rejectsTheAllZeroPlaceholder() {
            invalid("000.000.000", "BE", Reason.UNKNOWN_FORMAT);
        }
    }

    @Nested
    class France {

        @ParameterizedTest
        @ValueSource(strings = {"FR46443121975", "fr 46 443 121 975", "FR46-443-121-975", "FR 46443121975"})
        void acceptsVatNumbersWithAnyDefaultCountry(String raw) {
            assertEquals(FR_443121975, valid(raw, "BE"));
            assertEquals(FR_443121975, valid(raw, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"443121975", "443 121 975", "FR443121975", "46443121975"})
        void acceptsSirenWhenFranceIsTheDefault(String raw) {
            assertEquals(FR_443121975, valid(raw, "FR"));
        }

        @Test
        void nineDigitsAreBelgianWhenBelgiumIsTheDefault() {
            invalid("443121975", "BE", Reason.BAD_CHECK_DIGIT);
            assertEquals(BE_0403170701, valid("403170701", "BE"));
        }

        @Test
        void nineDigitsWithoutDefaultPickTheCountryWhoseCheckPasses() {
            assertEquals(FR_443121975, valid("443121975", null));
            assertEquals(BE_0403170701, valid("403170701", null));
            assertEquals(new CompanyId("BE", "0100007889"), valid("100007889", null));
            Invalid neither = invalid("443121976", null, Reason.BAD_CHECK_DIGIT);
            assertTrue(neither.detail().contains("BE") && neither.detail().contains("FR"), neither::detail);
        }

        @ParameterizedTest
        @ValueSource(strings = {"44312197500017", "443 121 975 00017", "FR44312197500017"})
        void acceptsSiretAndKeepsTheSiren(String raw) {
            assertEquals(FR_443121975, valid(raw, "BE"));
            assertEquals(FR_443121975, valid(raw, null));
        }

        @Test
        void rejectsSiretWithBadLuhn() {
            invalid("44312197500018", "BE", Reason.BAD_CHECK_DIGIT);
        }

        @Test
        void acceptsLaPosteSiretsByDigitSum() {
            CompanyId laPoste = new CompanyId("FR", "356000000");
            // not Luhn-valid, but its digit sum is 45
            assertEquals(laPoste, valid("356 000 000 49837", "FR"));
            assertEquals(laPoste, valid("35600000000048", "FR"));
            invalid("35600000049838", "FR", Reason.BAD_CHECK_DIGIT);
        }

        @Test
        void rejectsVatNumberWithWrongKey() {
            Invalid invalid = invalid("FR47443121975", null, Reason.BAD_CHECK_DIGIT);
            assertEquals("FR VAT number FR47443121975 has key 47, expected 46", invalid.detail());
        }

        @Test
        void acceptsOldAlphanumericKeysWhenTheSirenIsValid() {
            assertEquals(FR_443121975, valid("FRAB443121975", null));
            assertEquals(FR_443121975, valid("FR 4X 443 121 975", null));
            invalid("FRAB443121976", null, Reason.BAD_CHECK_DIGIT);
            invalid("FRIO443121975", null, Reason.INVALID_CHARACTERS);
        }

        @Test
        void rejectsWrongLengths() {
            invalid("FR4431219", null, Reason.WRONG_LENGTH);
            invalid("4431219750001", "FR", Reason.WRONG_LENGTH);
        }
    }

    @Nested
    class Italy {

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {"IT01234567897, BE", "it 012 345 678 97, null", "01234567897, IT", "01234567897, null"})
        void acceptsPartitaIva(String raw, String defaultCountry) {
            assertEquals(new CompanyId("IT", "01234567897"), valid(raw, defaultCountry));
        }

        @Test
        void reportsTheLengthThatWasFound() {
            Invalid invalid = invalid("IT 0123456789", null, Reason.WRONG_LENGTH);
            assertEquals("IT partita IVA must have 11 digits, found 10", invalid.detail());
        }

        @Test
        void rejectsBadCheckDigit() {
            invalid("IT01234567898", null, Reason.BAD_CHECK_DIGIT);
        }

        @Test
        void elevenBareDigitsAreNotItalianWhenBelgiumIsTheDefault() {
            invalid("01234567897", "BE", Reason.WRONG_LENGTH);
        }
    }

    @Nested
    class Germany {

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {"DE136695976, null", "de 136 695 976, BE", "136695976, DE"})
        void acceptsUstIdNr(String raw, String defaultCountry) {
            assertEquals(new CompanyId("DE", "136695976"), valid(raw, defaultCountry));
        }

        @Test
        void rejectsBadCheckDigitAndWrongLength() {
            invalid("DE136695977", null, Reason.BAD_CHECK_DIGIT);
            invalid("DE13669597", null, Reason.WRONG_LENGTH);
        }
    }

    @Nested
    class Luxembourg {

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {"LU15027442, null", "LU 1502 7442, BE", "15027442, LU"})
        void acceptsVatNumber(String raw, String defaultCountry) {
            assertEquals(new CompanyId("LU", "15027442"), valid(raw, defaultCountry));
        }

        @Test
        void rejectsBadCheckDigitAndWrongLength() {
            invalid("LU15027443", null, Reason.BAD_CHECK_DIGIT);
            invalid("LU150274421", null, Reason.WRONG_LENGTH);
        }
    }

    @Nested
    class Netherlands {

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {
                    "NL004495445B01, null",
                    "nl004495445b01, BE",
                    "NL 0044.95.445.B.01, null",
                    "004495445B01, BE",
                    "004495445B01, NL"
                })
        void acceptsBtwIdPassingTheElfproef(String raw, String defaultCountry) {
            assertEquals(new CompanyId("NL", "004495445B01"), valid(raw, defaultCountry));
        }

        @Test
        void acceptsSoleProprietorBtwIdPassingMod97() {
            assertEquals(new CompanyId("NL", "002455799B11"), valid("NL002455799B11", null));
        }

        @Test
        void rejectsBtwIdFailingBothRules() {
            invalid("NL004495446B01", null, Reason.BAD_CHECK_DIGIT);
        }

        @Test
        void rejectsBtwIdSuffixB00() {
            invalid("NL004495445B00", null, Reason.UNKNOWN_FORMAT);
        }

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {"KvK 12345678, null", "KVK-12345678, BE", "NL12345678, null", "12345678, NL", "1234 5678, nl"})
        void acceptsKvkNumbersInDutchContext(String raw, String defaultCountry) {
            assertEquals(new CompanyId("NL", "12345678"), valid(raw, defaultCountry));
        }

        @Test
        void rejectsWrongLengths() {
            invalid("KvK 1234567", null, Reason.WRONG_LENGTH);
            invalid("NL123456789", null, Reason.WRONG_LENGTH);
            invalid("NL123456789B1", null, Reason.WRONG_LENGTH);
        }
    }

    @Nested
    class UnitedKingdom {

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {"05954546, GB", "5954546, GB", "GB5954546, null", "GB 0595 4546, BE", "gb05954546, null"})
        void acceptsAndZeroPadsCompanyNumbers(String raw, String defaultCountry) {
            assertEquals(new CompanyId("GB", "05954546"), valid(raw, defaultCountry));
        }

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {
                    "SC123456, SC123456, null",
                    "sc 123456, SC123456, BE",
                    "GBSC123456, SC123456, null",
                    "R0000123, R0000123, null",
                    "OC301540, OC301540, FR"
                })
        void acceptsPrefixedCompanyNumbers(String raw, String canonical, String defaultCountry) {
            assertEquals(new CompanyId("GB", canonical), valid(raw, defaultCountry));
        }

        @ParameterizedTest
        @ValueSource(strings = {"GB123456789", "GB 123 4567 89 012", "GBGD001"})
        void rejectsUkVatNumbers(String raw) {
            Invalid invalid = invalid(raw, null, Reason.UNKNOWN_FORMAT);
            assertTrue(invalid.detail().contains("VAT"), invalid::detail);
        }

        @Test
        void rejectsWrongLengthsAndUnknownPrefixes() {
            invalid("SC12345", null, Reason.WRONG_LENGTH);
            invalid("GB1234567890", null, Reason.WRONG_LENGTH);
            invalid("GBXX123456", null, Reason.UNKNOWN_PREFIX);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ESB12345678", "SI12345678", "SE556677889901", "NO123456789MVA"})
        void foreignVatNumbersSharingACompaniesHousePrefixAreUnknownPrefixes(String raw) {
            invalid(raw, "BE", Reason.UNKNOWN_PREFIX);
        }

        @Test
        void europeanCompanyPrefixSeWithSixDigitsIsBritish() {
            assertEquals(new CompanyId("GB", "SE000123"), valid("SE000123", "BE"));
        }
    }

    @Nested
    class General {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\u00A0", "\t\n", "\"\"", " - "})
        void blankInputIsEmpty(String raw) {
            invalid(raw, "BE", Reason.EMPTY);
        }

        @Test
        void unknownPrefixIsNamed() {
            Invalid invalid = invalid("XX123", "BE", Reason.UNKNOWN_PREFIX);
            assertTrue(invalid.detail().contains("'XX'"), invalid::detail);
        }

        @Test
        void disallowedCharacterIsNamedWithItsPosition() {
            Invalid invalid = invalid("BE 0403#170701", "BE", Reason.INVALID_CHARACTERS);
            assertEquals("character '#' at position 8 is not allowed in a company number", invalid.detail());
        }

        @Test
        void textWithoutDigitsIsUnknownFormat() {
            invalid("N/A", "BE", Reason.UNKNOWN_FORMAT);
        }

        @Test
        void eightBareDigitsWithoutDefaultAreAmbiguous() {
            invalid("15027442", null, Reason.UNKNOWN_FORMAT);
        }

        @Test
        void unsupportedDefaultCountryIsIgnored() {
            assertEquals(BE_0403170701, valid("0403170701", "ES"));
        }

        @Test
        void parseWithoutDefaultCountryUsesBelgium() {
            assertEquals(CompanyNumbers.parse("403170701", "BE"), CompanyNumbers.parse("403170701"));
            assertEquals(CompanyNumbers.parse("443121975", "BE"), CompanyNumbers.parse("443121975"));
        }

        @Test
        void requireReturnsTheIdOrThrowsWithTheDetail() {
            assertEquals(BE_0403170701, CompanyNumbers.require("BE 0403.170.701", null));
            IllegalArgumentException thrown =
                    assertThrows(IllegalArgumentException.class, () -> CompanyNumbers.require("0403.170.702", "BE"));
            assertEquals("BE enterprise number 0403.170.702 fails the mod-97 check", thrown.getMessage());
        }
    }

    @Nested
    class DisplayAndVatNumber {

        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {
                    "BE, 0403170701, 0403.170.701, BE0403170701",
                    "FR, 443121975, 443 121 975, FR46443121975",
                    "IT, 01234567897, IT01234567897, IT01234567897",
                    "DE, 136695976, DE136695976, DE136695976",
                    "LU, 15027442, LU15027442, LU15027442",
                    "NL, 004495445B01, NL004495445B01, NL004495445B01",
                    "NL, 12345678, 12345678, null",
                    "GB, 05954546, 05954546, null",
                    "GB, SC123456, SC123456, null"
                })
        void useTheUsualNotation(String country, String number, String display, String vatNumber) {
            CompanyId id = new CompanyId(country, number);
            assertEquals(display, id.display());
            assertEquals(vatNumber, id.vatNumber());
        }
    }
}
