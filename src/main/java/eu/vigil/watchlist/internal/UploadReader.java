package eu.vigil.watchlist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an uploaded CSV or XLSX as rows of text cells. CSV: comma, semicolon, tab or pipe, UTF-8 with
 * or without a BOM, UTF-16 with a BOM, else Windows-1252; Excel's {@code sep=;} line and
 * {@code ="0123"} cells are understood.
 */
public final class UploadReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private UploadReader() {}

    /** The rows of the file, streamed; close the stream. A broken file fails with the row where it broke. */
    public static Stream<RawRow> rows(Path file) {
        try {
            byte[] head = new byte[8];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (read >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                return xlsx(file);
            }
            if (read >= 8 && ReadableWorkbook.isOLE2Header(head)) {
                throw new UploadFormatException("watchlist.file.xls");
            }
            if (read >= 4 && head[0] == 'P' && head[1] == 'K') {
                throw new UploadFormatException("watchlist.file.zip");
            }
            return csv(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<RawRow> csv(byte[] bytes) {
        String text = decode(bytes);
        int start = 0;
        Character separator = null;
        if (text.regionMatches(true, 0, "sep=", 0, 4) && text.length() > 4) {
            separator = text.charAt(4);
            int end = text.indexOf('\n');
            start = end < 0 ? text.length() : end + 1;
        }
        String body = text.substring(start);
        char delimiter = separator != null ? separator : ExcelCsv.detectSeparator(body);
        ExcelCsv records = new ExcelCsv(body, delimiter, start > 0 ? 1 : 0);
        Iterator<RawRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public RawRow next() {
                List<String> record = records.next();
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(clean(value));
                }
                return new RawRow(records.row(), cells);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }

    static Stream<RawRow> xlsx(Path file) throws IOException {
        XlsxGuard.check(file);
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UploadFormatException("watchlist.file.damaged");
        }
        try {
            Stream<Row> rows = companySheet(workbook).openStream();
            return rows.map(UploadReader::cells).onClose(() -> {
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            });
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw new UploadFormatException("watchlist.file.sheet");
        }
    }

    /**
     * The sheet that holds the companies: the first one, unless its first rows hold no company number and a later
     * sheet's do (a workbook that opens on a cover or notes sheet).
     */
    private static Sheet companySheet(ReadableWorkbook workbook) throws IOException {
        List<Sheet> sheets = workbook.getSheets().toList();
        Sheet best = sheets.getFirst();
        int bestNumbers = numbersIn(best);
        for (int i = 1; i < sheets.size() && bestNumbers == 0 && i < 20; i++) {
            int numbers = numbersIn(sheets.get(i));
            if (numbers > bestNumbers) {
                best = sheets.get(i);
                bestNumbers = numbers;
            }
        }
        return best;
    }

    private static int numbersIn(Sheet sheet) throws IOException {
        try (Stream<Row> rows = sheet.openStream()) {
            return (int) rows.limit(ColumnMapping.SAMPLE_ROWS)
                    .map(UploadReader::cells)
                    .flatMap(r -> r.cells().stream())
                    .filter(NumberReading::validSomewhere)
                    .count();
        }
    }

    private static RawRow cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : clean(text(cell)));
        }
        return new RawRow(row.getRowNum(), cells);
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            String plain = cell.asNumber().stripTrailingZeros().toPlainString();
            return plain;
        }
        if (cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        String raw = cell.getRawValue();
        Object value = cell.getValue();
        return value != null ? value.toString() : raw == null ? "" : raw;
    }

    /** Excel's ways of protecting text: {@code ="0403170701"}, a leading apostrophe; plus stray spaces. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String v = withoutControls(value).replace('\u00A0', ' ').strip();
        if (v.length() >= 3 && v.startsWith("=\"") && v.endsWith("\"")) {
            v = v.substring(2, v.length() - 1).strip();
        }
        if (v.startsWith("'")) {
            v = v.substring(1).strip();
        }
        return v;
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        Charset utf16 = utf16WithoutMark(bytes);
        if (utf16 != null) {
            return new String(bytes, utf16);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** UTF-16 saved without a byte-order mark: most characters of a text file are ASCII, so every other byte is zero. */
    private static Charset utf16WithoutMark(byte[] bytes) {
        int sample = Math.min(bytes.length, 4096) & ~1;
        if (sample < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < sample; i += 2) {
            if (bytes[i] == 0) {
                evenZeros++;
            }
            if (bytes[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = sample / 2;
        if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** A cell without the control characters (NUL and the like) that some exports leave in, which no field may hold. */
    private static String withoutControls(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                StringBuilder clean = new StringBuilder(value.length());
                for (int k = 0; k < value.length(); k++) {
                    char d = value.charAt(k);
                    if (!(d < 0x20 && d != '\t' && d != '\n' && d != '\r' || d == 0x7F)) {
                        clean.append(d);
                    }
                }
                return clean.toString();
            }
        }
        return value;
    }
}
