package eu.vigil.watchlist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.watchlist.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Spreadsheets in the shapes people really have (public registers, ERP and CRM exports), nobody's fixture:
 * the columns are read by their words and contents, bare numbers get their country, and every valid number is read.
 */
class SpreadsheetShapesTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages/watchlist");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private final Random random = new Random(17);

    @TempDir
    Path dir;

    @Test
    void aWideFrenchXlsxWithNumericSiretsAndAManagersColumnReadsEverySiret() throws IOException {
        List<String> sirets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sirets.add(siret());
        }
        Path file = dir.resolve("entreprises.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "export", "1.0");
            Worksheet sheet = workbook.newWorksheet("Entreprises");
            List<String> header = new ArrayList<>(List.of(
                    "Raison sociale",
                    "SIRET",
                    "Code NAF",
                    "Adresse",
                    "Code postal",
                    "Ville",
                    "Effectif",
                    "Chiffre d'affaires",
                    "Managers Conseil Financier",
                    "Email",
                    "Téléphone",
                    "Date de création",
                    "Type de voie",
                    "Catégorie juridique"));
            while (header.size() < 124) {
                header.add("Indicateur " + header.size());
            }
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 1; r <= 300; r++) {
                sheet.value(r, 0, "Société " + r);
                if (r <= sirets.size()) {
                    sheet.value(r, 1, Long.parseLong(sirets.get(r - 1)));
                }
                sheet.value(r, 2, "4711Z");
                sheet.value(r, 4, 75000 + r);
                sheet.value(r, 6, 12);
                sheet.value(r, 7, 1_250_000.5);
                sheet.value(r, 8, r % 3 == 0 ? "Jean Dupont" : "Marie Curie");
                sheet.value(r, 9, "contact" + r + "@exemple.fr");
                sheet.value(r, 12, "RUE");
                sheet.value(r, 13, 5710);
                for (int c = 14; c < 124; c++) {
                    sheet.value(r, c, (r * c) % 97);
                }
            }
            workbook.finish();
        }
        List<RawRow> rows = rows(file);
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> owner.equals("credit@tenant.example"));

        assertThat(mapping.header()).isTrue();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
        assertThat(mapping.columns())
                .as("no owner, type, amount or reference column from a company list's own columns")
                .containsOnlyKeys(Column.NUMBER);
        assertThat(mapping.country()).isEqualTo("FR");
        RowValidator validator = new RowValidator(mapping, Map.of());
        for (int r = 1; r <= sirets.size(); r++) {
            RowValidator.Outcome outcome = validator.check(rows.get(r));
            assertThat(outcome).as("row %d", r + 1).isInstanceOf(RowValidator.Valid.class);
            assertThat(((RowValidator.Valid) outcome).id().number())
                    .isEqualTo(sirets.get(r - 1).substring(0, 9));
            assertThat(outcome.warnings()).isEmpty();
        }
        assertThat(validator.check(rows.get(7)))
                .isInstanceOfSatisfying(
                        RowValidator.Invalid.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo("EMPTY"));
    }

    @Test
    void aHeaderlessDutchNameAndKvkListWithAStrayQuoteIsReadWhole() throws IOException {
        List<String> kvk = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String number = String.valueOf(30_000_000 + random.nextInt(60_000_000));
            kvk.add(number);
            String name = switch (i) {
                case 0 -> "\"t Hoekje Café";
                case 57 -> "Bakkerij \"De Zon\" B.V.";
                case 120 -> "Jansen, Pietersen & Zn";
                default -> "Onderneming " + i + " B.V.";
            };
            csv.append(name).append(';').append(number).append("\r\n");
        }
        List<RawRow> rows = rows(write("kvk.csv", csv.toString()));

        assertThat(rows).hasSize(200);
        assertThat(rows.getFirst().cells()).containsExactly("\"t Hoekje Café", kvk.getFirst());
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.header())
                .as("the first row reads like the others: data")
                .isFalse();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
        assertThat(mapping.country())
                .as("KvK numbers above 20 million are no British company numbers")
                .isEqualTo("NL");
        RowValidator validator = new RowValidator(mapping, Map.of());
        for (RawRow row : rows) {
            assertThat(validator.check(row))
                    .as("row %d", row.number())
                    .isInstanceOfSatisfying(
                            RowValidator.Valid.class,
                            valid -> assertThat(valid.id().country()).isEqualTo("NL"));
        }
    }

    @Test
    void aKvkNummerHeaderGivesBareEightDigitsTheNetherlandsWhateverTheTenantsCountry() throws IOException {
        List<RawRow> rows = rows(write(
                "bedrijven.csv",
                "Bedrijfsnaam;KvK-nummer;Plaats\n"
                        + "Alpha B.V.;01234567;Groningen\nBeta B.V.;12345678;Utrecht\nGamma B.V.;1234567;Delft\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
        assertThat(mapping.country()).isEqualTo("NL");
        RowValidator validator = new RowValidator(mapping, Map.of());
        assertThat(rows.subList(1, 4))
                .map(validator::check)
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(RowValidator.Valid.class));
        assertThat(((RowValidator.Valid) validator.check(rows.get(3))).id().number())
                .as("a KvK number that lost its leading zero in a number cell")
                .isEqualTo("01234567");
    }

    @Test
    void eightBareDigitsThatCouldBeDutchOrBritishAreNeverGuessed() throws IOException {
        List<RawRow> rows = rows(write("list.csv", "Name;Number\nAlpha;01234567\nBeta;12345678\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.country())
                .as("no content decides: the tenant's country")
                .isEqualTo("BE");
        RowValidator.Outcome outcome = new RowValidator(mapping, Map.of()).check(rows.get(1));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RowValidator.Invalid.class,
                        invalid -> assertThat(invalid.wording().in(MESSAGES, Locale.ENGLISH))
                                .isEqualTo(
                                        "\"01234567\" has 8 digits: a Dutch KvK number or a British company number. "
                                                + "Choose the country of numbers without a prefix, or write it with NL or GB."));
        assertThat(new RowValidator(mapping.withCountry("GB"), Map.of()).check(rows.get(1)))
                .isInstanceOfSatisfying(
                        RowValidator.Valid.class,
                        valid -> assertThat(valid.id().country()).isEqualTo("GB"));
        assertThat(new RowValidator(mapping.withCountry("NL"), Map.of()).check(rows.get(1)))
                .isInstanceOfSatisfying(
                        RowValidator.Valid.class,
                        valid -> assertThat(valid.id().country()).isEqualTo("NL"));
    }

    @Test
    void anItalianPublicRegisterInTabsTakesTheCodiceFiscaleNotLivAccessibili() throws IOException {
        List<String> cf = new ArrayList<>();
        StringBuilder tsv =
                new StringBuilder("cod_amm\tdes_amm\tComune\tnome_resp\tcogn_resp\tCap\tProvincia\tRegione\t"
                        + "sito_istituzionale\tIndirizzo\ttitolo_resp\ttipologia_istat\ttipologia_amm\tacronimo\tcf_validato\tCf\t"
                        + "mail1\ttipo_mail1\tliv_accessibili\n");
        for (int i = 0; i < 19; i++) {
            String number = i % 4 == 0 ? "0" + italian().substring(1) : italian();
            number = number.substring(0, 10) + luhn(number.substring(0, 10));
            cf.add(number);
            tsv.append(String.format(
                    "%03d\tAzienda Sanitaria %d\tPerugia\tAndrea\tRossi\t%05d\tPG\tUmbria\twww.asl%d.it\t"
                            + "Via Roma, %d\tDirettore Generale\tAziende Sanitarie Locali\tPubbliche Amministrazioni\t\tS\t%s\t"
                            + "asl%d@pec.it\tpec\t%d\n",
                    i, i, 6100 + i, i, i, number, i, i % 2));
        }
        List<RawRow> rows = rows(write("amministrazioni.txt", tsv.toString()));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(15);
        assertThat(mapping.country()).isEqualTo("IT");
        assertThat(mapping.columns()).doesNotContainKey(Column.OWNER);
        RowValidator validator = new RowValidator(mapping, Map.of());
        for (int r = 1; r < rows.size(); r++) {
            RowValidator.Outcome outcome = validator.check(rows.get(r));
            assertThat(outcome)
                    .as("row %d", r + 1)
                    .isInstanceOfSatisfying(
                            RowValidator.Valid.class,
                            valid -> assertThat(valid.id().country()).isEqualTo("IT"));
        }
        assertThat(rows.subList(1, rows.size()))
                .map(r -> ((RowValidator.Valid) validator.check(r)).id().number())
                .containsExactlyElementsOf(cf);
    }

    @Test
    void companiesHousesOwnExportIsReadAsBritishNumbers() throws IOException {
        List<RawRow> rows = rows(
                write(
                        "BasicCompanyData.csv",
                        "CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.PostTown,"
                                + "CompanyCategory,CompanyStatus\n"
                                + "\"NORTHERN BAKERIES LIMITED\",\"09100002\",\"\",\"LEEDS\",\"Private Limited Company\",\"Active\"\n"
                                + "\"CLYDE ENGINEERING LTD\",\"SC610001\",\"\",\"GLASGOW\",\"Private Limited Company\",\"Active\"\n"
                                + "\"OLD FIRM LIMITED\",\"00000086\",\"\",\"LONDON\",\"Private Limited Company\",\"Active\"\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
        assertThat(mapping.country()).isEqualTo("GB");
        RowValidator validator = new RowValidator(mapping, Map.of());
        assertThat(rows.subList(1, 4))
                .map(validator::check)
                .allSatisfy(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(
                                RowValidator.Valid.class,
                                valid -> assertThat(valid.id().country()).isEqualTo("GB")));
    }

    @Test
    void aPersonsCodiceFiscaleIsRejectedForWhatItIs() throws IOException {
        List<RawRow> rows = rows(write(
                "ditte.csv",
                "Ragione sociale;Codice fiscale\nRossi Mario;RSSMRA85T10A562S\n" + "Alfa Srl;" + italian() + "\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "IT", owner -> false);
        RowValidator validator = new RowValidator(mapping, Map.of());
        assertThat(validator.check(rows.get(1)))
                .isInstanceOfSatisfying(
                        RowValidator.Invalid.class,
                        invalid -> assertThat(invalid.wording().in(MESSAGES, Locale.ITALIAN))
                                .isEqualTo(
                                        "«RSSMRA85T10A562S» è il codice fiscale di una persona fisica, non un numero d'impresa: indicate la partita IVA dell'impresa."));
        assertThat(validator.check(rows.get(2))).isInstanceOf(RowValidator.Valid.class);
    }

    @Test
    void aSireneExportWithSirenAndSiretColumnsInCamelCaseIsReadAsFrench() throws IOException {
        String siret = siret();
        List<RawRow> rows = rows(write(
                "StockEtablissement.csv",
                "siren,nic,siret,statutDiffusionEtablissement,"
                        + "dateCreationEtablissement,denominationUsuelleEtablissement,codePostalEtablissement\n"
                        + siret.substring(0, 9) + "," + siret.substring(9) + "," + siret
                        + ",O,2019-05-01,BOULANGERIE DU PORT,29200\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(0);
        assertThat(mapping.country()).isEqualTo("FR");
        assertThat(new RowValidator(mapping, Map.of()).check(rows.get(1)))
                .isInstanceOfSatisfying(
                        RowValidator.Valid.class,
                        valid -> assertThat(valid.id().number()).isEqualTo(siret.substring(0, 9)));
    }

    @Test
    void anAgedBalanceReportWithTitleLinesAboveItsHeaderIsReadFromItsHeader() throws IOException {
        List<RawRow> rows = rows(
                write(
                        "balance.csv",
                        "Balance âgée des clients;;;\nArrêtée au 30/11/2026;;;\n;;;\n"
                                + "Code client;Raison sociale;N° TVA;Encours\nC001;Acme SA;BE0403170701;12 500,00\nC002;Beta SPRL;0202.239.951;3 200,00\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.headerRow())
                .as("the row of the column names, counted as the file counts them")
                .isEqualTo(4);
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(2);
        assertThat(mapping.column(Column.REFERENCE)).isEqualTo(0);
        assertThat(mapping.column(Column.EXPOSURE)).isEqualTo(3);
        assertThat(rows)
                .filteredOn(mapping::aboveHeader)
                .extracting(RawRow::number)
                .containsExactly(1, 2);
        assertThat(ColumnMapping.decode(mapping.encode())).isEqualTo(mapping);
    }

    @Test
    void aWorkbookThatOpensOnANotesSheetIsReadFromTheSheetWithTheCompanies() throws IOException {
        Path file = dir.resolve("klanten.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "export", "1.0");
            Worksheet notes = workbook.newWorksheet("Toelichting");
            notes.value(0, 0, "Klantenlijst, export van 30/11/2026");
            notes.value(1, 0, "Vertrouwelijk");
            Worksheet list = workbook.newWorksheet("Klanten");
            list.value(0, 0, "Klant");
            list.value(0, 1, "BTW-nummer");
            list.value(1, 0, "K-1");
            list.value(1, 1, "BE0403170701");
            workbook.finish();
        }
        List<RawRow> rows = rows(file);
        assertThat(rows.getFirst().cells()).containsExactly("Klant", "BTW-nummer");
        assertThat(ColumnMapping.detect(rows, "BE", owner -> false).column(Column.NUMBER))
                .isEqualTo(1);
    }

    @Test
    void aCrmExportWithACountryColumnReadsEachRowsNumberInItsOwnCountry() throws IOException {
        List<RawRow> rows = rows(write(
                "accounts.csv",
                "Account;Country;Registration number\n"
                        + "Alpha BV;Netherlands;01234567\nBeta Ltd;United Kingdom;01234567\nGamma SA;Belgique;403170701\n"
                        + "Delta SAS;FR;552100554\nEpsilon Srl;Italia;743110157\n"));
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", owner -> false);
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(2);
        assertThat(mapping.column(Column.COUNTRY)).isEqualTo(1);
        RowValidator validator = new RowValidator(mapping, Map.of());
        assertThat(rows.subList(1, 6))
                .map(r -> ((RowValidator.Valid) validator.check(r)).id().country() + " "
                        + ((RowValidator.Valid) validator.check(r)).id().number())
                .containsExactly("NL 01234567", "GB 01234567", "BE 0403170701", "FR 552100554", "IT 00743110157");
    }

    @Test
    void headersAreMatchedByTheirWordsInFiveLanguages() {
        assertThat(HeaderWords.meaning("Managers Conseil Financier")).isNull();
        assertThat(HeaderWords.meaning("liv_accessibili")).isNull();
        assertThat(HeaderWords.meaning("Nom du client").name()).isTrue();
        assertThat(HeaderWords.meaning("Bedrijfsnaam").name()).isTrue();
        for (String header : List.of(
                "N° TVA",
                "BTW-nummer",
                "USt-IdNr.",
                "P.IVA",
                "Partita IVA",
                "Codice fiscale",
                "KvK-nummer",
                "SIREN",
                "n° SIRET",
                "Ondernemingsnummer",
                "Numéro d'entreprise",
                "KBO",
                "BCE",
                "Company number",
                "CRN",
                "Registration number",
                "Handelsregisternummer",
                "RSIN",
                "VAT",
                "siretSiegeUniteLegale")) {
            assertThat(HeaderWords.meaning(header))
                    .as(header)
                    .isNotNull()
                    .satisfies(m -> assertThat(m.column()).isEqualTo(Column.NUMBER));
        }
        assertThat(HeaderWords.meaning("KvK-nummer").country()).isEqualTo("NL");
        assertThat(HeaderWords.meaning("Partita IVA").country()).isEqualTo("IT");
        assertThat(HeaderWords.meaning("n° SIRET").country()).isEqualTo("FR");
        assertThat(HeaderWords.meaning("Numéro d'entreprise").country()).isEqualTo("BE");
        assertThat(HeaderWords.meaning("CRN").country()).isEqualTo("GB");
        assertThat(HeaderWords.meaning("N° TVA").country()).isNull();
        assertThat(HeaderWords.meaning("Klantnummer").column()).isEqualTo(Column.REFERENCE);
        assertThat(HeaderWords.meaning("Code client").column()).isEqualTo(Column.REFERENCE);
        assertThat(HeaderWords.meaning("Codice cliente").column()).isEqualTo(Column.REFERENCE);
        assertThat(HeaderWords.meaning("Code postal")).isNull();
        assertThat(HeaderWords.meaning("Kredietlimiet").column()).isEqualTo(Column.CREDIT_LIMIT);
        assertThat(HeaderWords.meaning("Limite de crédit").column()).isEqualTo(Column.CREDIT_LIMIT);
        assertThat(HeaderWords.meaning("Fido").column()).isEqualTo(Column.CREDIT_LIMIT);
        assertThat(HeaderWords.meaning("Encours").column()).isEqualTo(Column.EXPOSURE);
        assertThat(HeaderWords.meaning("Openstaand saldo").column()).isEqualTo(Column.EXPOSURE);
        assertThat(HeaderWords.meaning("Balance sheet total")).isNull();
        assertThat(HeaderWords.meaning("Account manager").column()).isEqualTo(Column.OWNER);
        assertThat(HeaderWords.meaning("Gestionnaire").column()).isEqualTo(Column.OWNER);
        assertThat(HeaderWords.meaning("Type de relation").column()).isEqualTo(Column.TYPE);
        assertThat(HeaderWords.meaning("Type de voie")).isNull();
        assertThat(HeaderWords.meaning("Etiquettes").column()).isEqualTo(Column.TAGS);
    }

    @Test
    void anOptionalFieldThatCannotBeTakenLeavesTheCompanyWatchedWithEveryProblemSaid() throws IOException {
        List<RawRow> rows = rows(write(
                "klanten.csv",
                "Ondernemingsnummer;Type;Kredietlimiet;Openstaand;Eigenaar;Tags\n"
                        + "0403170701;Partenaire;abc;12,5k;nobody@example.com;vip\n"
                        + "0202239951;klant;-100;5000;credit@tenant.example;" + "x".repeat(60) + ",ok\n"
                        + "0403170702;klant;10000;;;\n"));
        UUID owner = UUID.randomUUID();
        ColumnMapping mapping = ColumnMapping.detect(rows, "BE", name -> name.equals("credit@tenant.example"));
        assertThat(mapping.columns())
                .containsOnlyKeys(
                        Column.NUMBER, Column.TYPE, Column.CREDIT_LIMIT, Column.EXPOSURE, Column.OWNER, Column.TAGS);
        RowValidator validator = new RowValidator(mapping, Map.of("credit@tenant.example", owner));

        RowValidator.Outcome first = validator.check(rows.get(1));
        assertThat(first).isInstanceOfSatisfying(RowValidator.Valid.class, valid -> {
            assertThat(valid.data().creditLimit()).isNull();
            assertThat(valid.data().exposure()).isNull();
            assertThat(valid.data().ownerId()).isNull();
            assertThat(valid.data().tags()).containsExactly("vip");
        });
        assertThat(first.warnings())
                .extracting(RowValidator.Warning::field)
                .containsExactly("type", "credit-limit", "exposure", "owner");
        assertThat(first.warnings())
                .map(w -> w.wording().in(MESSAGES, Locale.ENGLISH))
                .containsExactly(
                        "\"Partenaire\" is none of customer, supplier, prospect, other: left empty (customer).",
                        "\"abc\" is not an amount (write it like 10000, 10.000,00 EUR or €10,000): left empty.",
                        "\"12,5k\" is not an amount (write it like 10000, 10.000,00 EUR or €10,000): left empty.",
                        "\"nobody@example.com\" is not a user of this portal (give their email address or name): left empty.");

        RowValidator.Outcome second = validator.check(rows.get(2));
        assertThat(second).isInstanceOfSatisfying(RowValidator.Valid.class, valid -> {
            assertThat(valid.data().creditLimit())
                    .as("a negative limit is no limit")
                    .isNull();
            assertThat(valid.data().ownerId()).isEqualTo(owner);
            assertThat(valid.data().tags()).containsExactly("ok");
        });
        assertThat(second.warnings()).extracting(RowValidator.Warning::field).containsExactly("credit-limit", "tags");

        RowValidator.Outcome third = validator.check(rows.get(3));
        assertThat(third).as("a bad check digit still rejects the row").isInstanceOf(RowValidator.Invalid.class);
    }

    @Test
    void aWorkbookWhoseCellUnpacksBeyondWhatExcelHoldsIsRefusedBeforeItIsOpened() throws IOException {
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            entry(zip, "[Content_Types].xml", "<Types/>");
            entry(zip, "xl/workbook.xml", "<workbook/>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write("<sst><si><t>".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                zip.write(chunk);
            }
            zip.write("</t></si></sst>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(100_000);
        assertThatThrownBy(() -> rows(bomb))
                .isInstanceOfSatisfying(
                        UploadFormatException.class,
                        e -> assertThat(e.wording().in(MESSAGES, Locale.ENGLISH))
                                .isEqualTo(
                                        "This Excel file is damaged or oversized: its part "
                                                + "xl/sharedStrings.xml goes beyond the limit of 32,767 characters per cell. Nothing was imported."));
    }

    @Test
    void aWorkbookPartThatUnpacksBeyondItsLimitIsRefused() throws IOException {
        Path bomb = dir.resolve("wide.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] chunk = "<si><t>a</t></si>".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            long written = 0;
            while (written <= XlsxGuard.MAX_SHARED_STRINGS) {
                zip.write(chunk);
                written += chunk.length;
            }
            zip.closeEntry();
        }
        assertThatThrownBy(() -> rows(bomb))
                .isInstanceOfSatisfying(
                        UploadFormatException.class,
                        e -> assertThat(e.wording().in(MESSAGES, Locale.FRENCH))
                                .contains("xl/sharedStrings.xml")
                                .contains("64 MB"));
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String siret() {
        StringBuilder siren = new StringBuilder();
        siren.append(1 + random.nextInt(9));
        for (int i = 0; i < 7; i++) {
            siren.append(random.nextInt(10));
        }
        siren.append(luhn(siren.toString()));
        StringBuilder siret = new StringBuilder(siren).append("0001");
        return siret.append(luhn(siret.toString())).toString();
    }

    private String italian() {
        StringBuilder digits = new StringBuilder();
        digits.append(1 + random.nextInt(9));
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.append(luhn(digits.toString())).toString();
    }

    /** The digit that makes {@code payload} + it pass the Luhn check. */
    private static char luhn(String payload) {
        for (char d = '0'; d <= '9'; d++) {
            String candidate = payload + d;
            int sum = 0;
            boolean doubled = false;
            for (int i = candidate.length() - 1; i >= 0; i--) {
                int digit = candidate.charAt(i) - '0';
                if (doubled) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
                doubled = !doubled;
            }
            if (sum % 10 == 0) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<RawRow> rows(Path file) {
        return UploadReaderTests.rows(file);
    }
}
