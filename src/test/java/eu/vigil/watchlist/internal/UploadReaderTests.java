package eu.vigil.watchlist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.watchlist.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Files as ERPs and Excel really write them come out as the same rows. */
class UploadReaderTests {

    /** The watchlist bundles as the application reads them. */
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages/watchlist");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @TempDir
    Path dir;

    @Test
    void windows1252WithExcelsSeparatorLineAndProtectedNumbers() throws IOException {
        Path file = write(
                "sep=,\r\nRéférence,N° TVA,Société\r\nC-1,=\"0403170701\",\"Crème, Brûlée SA\"\r\n",
                Charset.forName("windows-1252"));
        List<RawRow> rows = rows(file);
        assertThat(rows.get(0).cells()).containsExactly("Référence", "N° TVA", "Société");
        assertThat(rows.get(0).number())
                .as("rows are numbered as in the file, the sep= line included")
                .isEqualTo(2);
        assertThat(rows.get(1).cells()).containsExactly("C-1", "0403170701", "Crème, Brûlée SA");
        ColumnMapping mapping = ColumnMapping.detect(rows);
        assertThat(mapping.header()).isTrue();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
        assertThat(mapping.column(Column.REFERENCE)).isEqualTo(0);
    }

    @Test
    void aFileWithoutHeaderFindsTheNumberColumnByItsContent() throws IOException {
        Path file = write("\uFEFFAcme;0403.170.701\r\nBeta;BE0202239951\r\n", StandardCharsets.UTF_8);
        ColumnMapping mapping = ColumnMapping.detect(rows(file));
        assertThat(mapping.header()).isFalse();
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
    }

    @Test
    void aQuoteOpenedAndNeverClosedIsTextAsExcelReadsIt() throws IOException {
        Path file =
                write("Nummer;Naam\n0403170701;\"t Hoekje\n0202239951;Bakkerij \"De Zon\"\n", StandardCharsets.UTF_8);
        List<RawRow> rows = rows(file);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cells()).containsExactly("0403170701", "\"t Hoekje");
        assertThat(rows.get(2).cells())
                .as("a quote inside an unquoted field is part of the text")
                .containsExactly("0202239951", "Bakkerij \"De Zon\"");
    }

    @Test
    void textAfterAClosingQuoteIsKeptAsExcelKeepsIt() throws IOException {
        Path file = write("Nummer;Naam\n0403170701;\"Acme\" NV\n0202239951;\"Beta; Gamma\"\n", StandardCharsets.UTF_8);
        List<RawRow> rows = rows(file);
        assertThat(rows.get(1).cells()).containsExactly("0403170701", "Acme NV");
        assertThat(rows.get(2).cells()).containsExactly("0202239951", "Beta; Gamma");
    }

    @Test
    void aStrayQuoteDoesNotSwallowTheLinesBelowIt() throws IOException {
        Path file = write(
                "\"Cafe 't Pleintje;12345678\nBakker Jansen;23456789\nDe \"Gouden\" Leeuw;34567890\n",
                StandardCharsets.UTF_8);
        List<RawRow> rows = rows(file);
        assertThat(rows)
                .extracting(RawRow::cells)
                .containsExactly(
                        List.of("\"Cafe 't Pleintje", "12345678"),
                        List.of("Bakker Jansen", "23456789"),
                        List.of("De \"Gouden\" Leeuw", "34567890"));
    }

    @Test
    void aCellLongerThanASpreadsheetHoldsRefusesTheFileNamingTheRowAndTheLimit() throws IOException {
        Path file = write("Nummer;Naam\n0403170701;" + "x".repeat(40_000) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rows(file)).isInstanceOfSatisfying(UploadFormatException.class, e -> {
            assertThat(e.wording().in(MESSAGES, Locale.ENGLISH))
                    .startsWith("Row 2 has a cell longer than 32767 characters")
                    .contains("damaged or oversized");
            assertThat(e.wording().in(MESSAGES, Locale.FRENCH))
                    .startsWith("La ligne 2 a une cellule de plus de 32767 caractères");
        });
    }

    @Test
    void utf16WithoutAByteOrderMarkIsReadAsUtf16() throws IOException {
        Path file = write("Nummer;Société\r\n0403170701;Crème SA\r\n", StandardCharsets.UTF_16LE);
        List<RawRow> rows = rows(file);
        assertThat(rows.get(1).cells()).containsExactly("0403170701", "Crème SA");
    }

    @Test
    void controlCharactersLeftInCellsByAnExportAreDropped() throws IOException {
        Path file = write("Nummer;Naam\n0403\u0000170701;Ac\u0001me\n", StandardCharsets.UTF_8);
        assertThat(rows(file).get(1).cells()).containsExactly("0403170701", "Acme");
    }

    @Test
    void xlsxCellsComeAsTextWhateverTheirType() throws IOException {
        Path file = dir.resolve("list.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Klanten");
            sheet.value(0, 0, "Klantnummer");
            sheet.value(0, 1, "Ondernemingsnummer");
            sheet.value(0, 2, "Kredietlimiet");
            sheet.value(1, 0, "K-1");
            sheet.value(1, 1, 403170701L);
            sheet.value(1, 2, 25000.5);
            sheet.value(3, 0, "K-3");
            sheet.value(3, 1, "BE 0202.239.951");
            workbook.finish();
        }
        List<RawRow> rows = rows(file);
        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(1).cells()).containsExactly("K-1", "403170701", "25000.5");
        assertThat(rows.getLast().number()).isEqualTo(4);
        assertThat(rows.getLast().cell(1)).isEqualTo("BE 0202.239.951");
        ColumnMapping mapping = ColumnMapping.detect(rows);
        assertThat(mapping.column(Column.NUMBER)).isEqualTo(1);
        assertThat(mapping.column(Column.REFERENCE)).isEqualTo(0);
        assertThat(mapping.column(Column.CREDIT_LIMIT)).isEqualTo(2);
    }

    @Test
    void anOldXlsFileIsRefusedWithAnExplanation() throws IOException {
        Path file = dir.resolve("old.xls");
        Files.write(file, new byte[] {
            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0
        });
        assertThatThrownBy(() -> rows(file)).isInstanceOfSatisfying(UploadFormatException.class, e -> {
            assertThat(e.wording().in(MESSAGES, Locale.ENGLISH)).contains(".xlsx");
            assertThat(e.wording().in(MESSAGES, Locale.ITALIAN)).contains("vecchio file Excel .xls");
        });
    }

    private Path write(String text, Charset charset) throws IOException {
        Path file = dir.resolve("upload.csv");
        Files.write(file, text.getBytes(charset));
        return file;
    }

    static List<RawRow> rows(Path file) {
        try (Stream<RawRow> rows = UploadReader.rows(file)) {
            return rows.filter(r -> !r.blank()).toList();
        }
    }
}
