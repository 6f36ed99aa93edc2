package eu.vigil.receivables.internal;

import eu.vigil.receivables.ReceivablesException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of an uploaded export as text cells, streamed: XLSX (first sheet) or CSV in the separator and encoding the
 * ERP chose (comma, semicolon or tab; UTF-8 with or without a mark, else Windows-1252 as Excel writes it).
 */
final class SheetReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SheetReader() {}

    /** A row: its number in the file (from 1) and its cells. */
    record SheetRow(int number, List<String> cells) {}

    /** The rows; close the stream to release the file. */
    static Stream<SheetRow> rows(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return xlsx(content);
        }
        return csv(content);
    }

    private static Stream<SheetRow> xlsx(byte[] content) {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new ReceivablesException("receivables.upload.damaged");
        }
        try {
            return workbook.getFirstSheet().openStream().map(SheetReader::cells).onClose(() -> {
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            });
        } catch (IOException | RuntimeException e) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the sheet could not be opened either way
            }
            throw new ReceivablesException("receivables.upload.damaged");
        }
    }

    private static SheetRow cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : clean(text(cell)));
        }
        return new SheetRow(row.getRowNum(), cells);
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            // an amount with three decimals would read as a thousands separator: keep cents
            return (number.scale() > 2 ? number.setScale(2, RoundingMode.HALF_UP) : number)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        if (cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        Object value = cell.getValue();
        return value == null ? "" : value.toString();
    }

    private static Stream<SheetRow> csv(byte[] content) {
        Charset charset = charset(content);
        int skip = charset == StandardCharsets.UTF_8 && hasBom(content) ? 3 : 0;
        String head = new String(content, skip, Math.min(content.length - skip, 8192), charset);
        char separator = separator(head);
        try {
            Reader reader = new InputStreamReader(
                    (InputStream) new ByteArrayInputStream(content, skip, content.length - skip), charset);
            CSVParser parser = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(separator)
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<SheetRow> rows = new Iterator<>() {
                int number = 0;

                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw new ReceivablesException("receivables.upload.unreadable", number + 1);
                    }
                }

                @Override
                public SheetRow next() {
                    CSVRecord record = records.next();
                    number++;
                    List<String> cells = new ArrayList<>(record.size());
                    for (String value : record) {
                        cells.add(clean(value));
                    }
                    return new SheetRow(number, cells);
                }
            };
            Iterable<SheetRow> iterable = () -> rows;
            return java.util.stream.StreamSupport.stream(iterable.spliterator(), false)
                    .onClose(() -> {
                        try {
                            parser.close();
                        } catch (IOException ignored) {
                            // an in-memory reader
                        }
                    });
        } catch (IOException e) {
            throw new ReceivablesException("receivables.upload.unreadable", 1);
        }
    }

    /**
     * The separator on which most of the first lines agree (the same number of cells, more than one): semicolon (Excel
     * in Europe), tab or comma. Title lines above the header, blank lines and decimal commas do not decide it.
     */
    static char separator(String head) {
        String[] lines = head.split("\r?\n", 31);
        int complete = Math.max(1, lines.length - 1);
        char best = ',';
        int bestAgreeing = 0;
        for (char candidate : new char[] {';', '\t', ','}) {
            java.util.Map<Integer, Integer> linesByCount = new java.util.HashMap<>();
            for (int i = 0; i < complete; i++) {
                int inLine = (int) lines[i].chars().filter(c -> c == candidate).count();
                if (inLine > 0) {
                    linesByCount.merge(inLine, 1, Integer::sum);
                }
            }
            int agreeing = linesByCount.values().stream().max(Integer::compare).orElse(0);
            if (agreeing > bestAgreeing) {
                best = candidate;
                bestAgreeing = agreeing;
            }
        }
        return best;
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static Charset charset(byte[] bytes) {
        if (hasBom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        int end = Math.min(bytes.length, 1 << 20);
        // checked up to a character boundary, so that a character cut at the 1 MB mark is no reason to doubt the rest
        while (end < bytes.length && end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /** Excel's ways of protecting text ({@code ="0403170701"}, a leading apostrophe) and stray spaces. */
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
}
