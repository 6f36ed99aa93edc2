package eu.vigil.watchlist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded CSV or XLSX as rows of text cells. CSV: comma, semicolon, tab or pipe, UTF-8 with
 * or without a BOM, UTF-16 with a BOM, else Windows-1252; Excel's {@code sep=;} line and
 * {@code ="0123"} cells are understood.
 */
public final class UploadReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private UploadReader() {
    }

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
        char delimiter = separator != null ? separator : detectDelimiter(body);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setAllowMissingColumnNames(true)
                .setTrim(false)
                .get();
        int offset = start > 0 ? 1 : 0;
        try {
            CSVParser parser = CSVParser.parse(new StringReader(body), format);
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<RawRow> rows = new Iterator<>() {
                private long lineOfNext = 1;

                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw new UploadFormatException(describe(e), lineOfNext + offset);
                    }
                }

                @Override
                public RawRow next() {
                    CSVRecord record;
                    try {
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw new UploadFormatException(describe(e), lineOfNext + offset);
                    }
                    int number = (int) record.getRecordNumber() + offset;
                    lineOfNext = parser.getCurrentLineNumber() + 1;
                    List<String> cells = new ArrayList<>(record.size());
                    for (String value : record) {
                        cells.add(clean(value));
                    }
                    return new RawRow(number, cells);
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                    .onClose(() -> {
                        try {
                            parser.close();
                        } catch (IOException ignored) {
                            // a string reader does not fail on close
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key for what commons-csv found wrong at a row. */
    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("between encapsulated token and delimiter")) {
            return "watchlist.file.textAfterQuote";
        }
        if (message.contains("EOF reached before encapsulated token finished") || message.contains("encapsulated token")) {
            return "watchlist.file.unclosedQuote";
        }
        return "watchlist.file.broken";
    }

    static Stream<RawRow> xlsx(Path file) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UploadFormatException("watchlist.file.damaged");
        }
        try {
            Stream<Row> rows = workbook.getFirstSheet().openStream();
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
        String v = value.replace('\u00A0', ' ').strip();
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
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** The separator that splits the first lines most consistently, quotes respected. */
    static char detectDelimiter(String text) {
        char[] candidates = {';', ',', '\t', '|'};
        int[] firstLine = new int[candidates.length];
        int lines = 0;
        int[] perLine = new int[candidates.length];
        boolean quoted = false;
        boolean[] consistent = {true, true, true, true};
        boolean content = false;
        for (int i = 0; i < text.length() && lines < 20; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                content = true;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                if (content) {
                    for (int k = 0; k < candidates.length; k++) {
                        if (lines == 0) {
                            firstLine[k] = perLine[k];
                        } else if (perLine[k] != firstLine[k]) {
                            consistent[k] = false;
                        }
                    }
                    lines++;
                }
                java.util.Arrays.fill(perLine, 0);
                content = false;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        perLine[k]++;
                    }
                }
            }
        }
        if (lines == 0) {
            System.arraycopy(perLine, 0, firstLine, 0, candidates.length);
        }
        int best = -1;
        for (int k = 0; k < candidates.length; k++) {
            if (firstLine[k] == 0) {
                continue;
            }
            if (best < 0 || (consistent[k] && !consistent[best])
                    || (consistent[k] == consistent[best] && firstLine[k] > firstLine[best])) {
                best = k;
            }
        }
        return best < 0 ? ';' : candidates[best];
    }
}
