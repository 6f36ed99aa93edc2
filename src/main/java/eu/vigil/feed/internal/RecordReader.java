package eu.vigil.feed.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a record-per-line extract, JSON Lines or CSV with the same columns (a list or object column
 * holds JSON in its cell), into one JSON object per record. The format is told by the first line: a
 * JSON object, or a CSV header. A line that cannot be read is reported with its number and why.
 */
public final class RecordReader implements Closeable {

    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final BufferedReader in;
    private final String fileLabel;
    private List<String> header;
    private String pending;
    private long line;
    private String raw;
    private ObjectNode record;
    private String error;

    private RecordReader(Reader in, String fileLabel) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
        this.fileLabel = fileLabel;
    }

    /**
     * Opens the extract's data file and checks its shape: a CSV header must name every required column
     * and only known ones.
     */
    public static RecordReader open(
            ExtractFiles files, String fileLabel, Collection<String> required, Set<String> known) throws IOException {
        RecordReader reader = new RecordReader(files.openData(), fileLabel);
        reader.start(required, known);
        return reader;
    }

    private void start(Collection<String> required, Set<String> known) throws IOException {
        String first;
        do {
            first = in.readLine();
            line++;
        } while (first != null && first.isBlank());
        if (first == null) {
            throw new StructureException(
                    fileLabel + " is empty: expected JSON Lines (one JSON object per line) or a CSV with a header.");
        }
        first = first.replace("\uFEFF", "");
        if (first.stripLeading().startsWith("{")) {
            pending = first;
            line--;
            return;
        }
        try (CsvReader csv = new CsvReader(new StringReader(first))) {
            csv.next();
            header = new ArrayList<>();
            for (String column : csv.fields()) {
                header.add(column.trim());
            }
        }
        List<String> missing =
                required.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !known.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new StructureException(fileLabel + " is neither JSON Lines nor a CSV with the expected header: "
                    + (missing.isEmpty()
                            ? ""
                            : "missing column(s) " + String.join(", ", missing) + (unknown.isEmpty() ? "" : "; "))
                    + (unknown.isEmpty() ? "" : "unknown column(s) " + String.join(", ", unknown))
                    + ". Known columns: "
                    + String.join(", ", known.stream().sorted().toList()) + ".");
        }
    }

    /**
     * The date {@code field} of the extract's first readable line, which names the extract; lines it
     * skips are quarantined by the run itself.
     */
    public static java.time.LocalDate firstDate(
            ExtractFiles files, String fileLabel, Collection<String> required, Set<String> known, String field)
            throws IOException {
        try (RecordReader reader = open(files, fileLabel, required, known)) {
            while (reader.next()) {
                if (reader.record() != null) {
                    try {
                        return RecordValues.requiredDate(reader.record(), field);
                    } catch (IllegalArgumentException e) {
                        // a bad line: the next one may name the extract
                    }
                }
            }
        }
        throw new StructureException(fileLabel + " holds no line with a valid " + field + " date.");
    }

    /** Moves to the next non-blank line; false at the end. */
    public boolean next() throws IOException {
        record = null;
        error = null;
        String text;
        if (pending != null) {
            text = pending;
            pending = null;
            line++;
        } else {
            do {
                text = in.readLine();
                line++;
            } while (text != null && text.isBlank());
        }
        if (text == null) {
            return false;
        }
        raw = text;
        if (header == null) {
            parseJson(text);
        } else {
            parseCsv(text);
        }
        return true;
    }

    private void parseJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                record = object;
            } else {
                error = "not a JSON object";
            }
        } catch (JacksonException e) {
            error = "not valid JSON: " + e.getOriginalMessage();
        }
    }

    private void parseCsv(String text) throws IOException {
        String[] cells;
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            csv.next();
            cells = csv.fields();
        }
        if (cells.length != header.size()) {
            error = "has " + cells.length + " fields where the header has " + header.size();
            return;
        }
        ObjectNode object = JSON.createObjectNode();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.isEmpty()) {
                continue;
            }
            if (cell.startsWith("[") || cell.startsWith("{")) {
                try {
                    object.set(header.get(i), JSON.readTree(cell));
                } catch (JacksonException e) {
                    error = "column " + header.get(i) + " is not valid JSON: " + e.getOriginalMessage();
                    return;
                }
            } else {
                object.put(header.get(i), cell);
            }
        }
        record = object;
    }

    /** The record, or null when the line could not be read ({@link #error()} says why). */
    public ObjectNode record() {
        return record;
    }

    public String error() {
        return error;
    }

    public long line() {
        return line;
    }

    public String raw() {
        return raw.length() > 4000 ? raw.substring(0, 4000) : raw;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
