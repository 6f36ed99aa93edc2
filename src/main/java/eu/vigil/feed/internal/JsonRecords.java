package eu.vigil.feed.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a file of JSON records: JSON Lines (one object per line; blank lines, a stream's heartbeats,
 * are counted and skipped; several objects run together on one line, as a stream may deliver them, are
 * split), one JSON array of objects as an export writes it, an open-data API answer holding its records
 * in {@code results} (Explore v2.1) or {@code records} (v1 search, whose records keep theirs in
 * {@code fields}), or, where the source publishes one, a CSV export with a header (comma or semicolon).
 * A line that is not a JSON object is reported with its number and why; in an array, each record is
 * reported at the line where it starts.
 */
public final class JsonRecords implements Closeable {

    /** Reads one element of the array at a time: the elements after it are not "trailing tokens". */
    private static final ObjectReader IN_ARRAY =
            RecordReader.JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The first keys of an open-data API answer (opendatasoft v1 search, Explore v2.0 and v2.1). */
    private static final java.util.Set<String> ENVELOPE = java.util.Set.of(
            "total_count", "results", "records", "nhits", "parameters", "links", "facet_groups", "facets");

    private static final int PEEK = 8192;

    private final BufferedReader lines;
    private final JsonParser array;
    private final String fileLabel;
    private LimitedReader limited;
    private boolean unwrap;
    private CsvReader csv;
    private java.util.List<String> header;
    private final java.util.ArrayDeque<ObjectNode> split = new java.util.ArrayDeque<>();
    private long concatenated;
    /** Lines before the array began: the parser counts from where it started. */
    private long leading;

    private long line;
    private long blankLines;
    private String raw;
    private ObjectNode record;
    private String error;

    private JsonRecords(BufferedReader lines, JsonParser array, String fileLabel) {
        this.lines = lines;
        this.array = array;
        this.fileLabel = fileLabel;
    }

    /** Opens the extract's data file; the first character that is not blank tells JSON Lines from an array. */
    public static JsonRecords open(ExtractFiles files, String fileLabel) throws IOException {
        return open(files, fileLabel, false);
    }

    /**
     * Opens the extract's data file: JSON Lines, a JSON array, an API answer, or (with {@code csv}) a CSV export
     * whose header names the fields.
     */
    public static JsonRecords open(ExtractFiles files, String fileLabel, boolean csv) throws IOException {
        LimitedReader text = files.openData();
        PushbackReader in = new PushbackReader(text, PEEK);
        long leadingLines = 0;
        int c;
        do {
            c = in.read();
            if (c == '\n') {
                leadingLines++;
            }
        } while (c == '\uFEFF' || c >= 0 && Character.isWhitespace(c));
        if (c < 0) {
            in.close();
            throw new StructureException(fileLabel
                    + " is empty: expected JSON Lines (one JSON object per line) or a JSON array of records.");
        }
        in.unread(c);
        if (c == '[') {
            text.countRecords();
            JsonParser parser = RecordReader.JSON.createParser(in);
            parser.nextToken();
            JsonRecords records = new JsonRecords(null, parser, fileLabel);
            records.leading = leadingLines;
            records.limited = text;
            return records;
        }
        if (c == '{' && ENVELOPE.contains(firstKey(in))) {
            text.countRecords();
            JsonParser parser = RecordReader.JSON.createParser(in);
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if ((key.equals("results") || key.equals("records")) && value == JsonToken.START_ARRAY) {
                    JsonRecords records = new JsonRecords(null, parser, fileLabel);
                    records.leading = leadingLines;
                    records.limited = text;
                    records.unwrap = true;
                    return records;
                }
                parser.skipChildren();
                text.startRecord();
            }
            parser.close();
            throw new StructureException(fileLabel + " is an open-data API answer without its list of records "
                    + "(\"results\" in Explore v2.1, \"records\" in the v1 search).");
        }
        if (c != '{' && c != '[' && csv) {
            JsonRecords records = new JsonRecords(null, null, fileLabel);
            records.startCsv(in, text.part(), files.limits().maxFieldLength(), leadingLines);
            return records;
        }
        if (c != '{') {
            in.close();
            throw new StructureException(fileLabel + " is neither JSON Lines nor a JSON array: it starts with '"
                    + (char) c + "' where a '{' or a '[' was expected.");
        }
        JsonRecords records = new JsonRecords(new BufferedReader(in, 1 << 16), null, fileLabel);
        records.line = leadingLines;
        records.blankLines = leadingLines;
        return records;
    }

    /** The first key of the object the reader is at, read ahead and put back. */
    private static String firstKey(PushbackReader in) throws IOException {
        char[] ahead = new char[PEEK];
        int filled = 0;
        for (int read; filled < PEEK && (read = in.read(ahead, filled, PEEK - filled)) > 0; ) {
            filled += read;
        }
        in.unread(ahead, 0, filled);
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("^\\{\\s*\"([^\"\\\\]{1,64})\"")
                .matcher(java.nio.CharBuffer.wrap(ahead, 0, filled));
        return key.find() ? key.group(1) : "";
    }

    private void startCsv(PushbackReader in, String part, int maxField, long leadingLines) throws IOException {
        char[] ahead = new char[PEEK];
        int filled = 0;
        for (int read; filled < PEEK && (read = in.read(ahead, filled, PEEK - filled)) > 0; ) {
            filled += read;
        }
        in.unread(ahead, 0, filled);
        String first = new String(ahead, 0, filled);
        int end = first.indexOf('\n');
        first = end < 0 ? first : first.substring(0, end);
        char delimiter = first.chars().filter(ch -> ch == ';').count()
                        > first.chars().filter(ch -> ch == ',').count()
                ? ';'
                : ',';
        csv = new CsvReader(in, delimiter, part, maxField);
        leading = leadingLines;
        if (!csv.next()) {
            throw new StructureException(fileLabel + " is empty.");
        }
        header = new java.util.ArrayList<>();
        for (String column : csv.fields()) {
            header.add(column.replace("\uFEFF", "").trim());
        }
        if (header.size() < 2 || header.stream().anyMatch(h -> h.isEmpty() || h.startsWith("{"))) {
            throw new StructureException(
                    fileLabel + " is neither JSON (JSON Lines, an array, an API answer) nor a CSV export "
                            + "with a header row: its first line is '"
                            + (first.length() > 80 ? first.substring(0, 77) + "..." : first) + "'.");
        }
    }

    /** Moves to the next record; false at the end. */
    public boolean next() throws IOException {
        record = null;
        error = null;
        if (csv != null) {
            return nextCsv();
        }
        if (!split.isEmpty()) {
            record = split.poll();
            return true;
        }
        return array != null ? nextInArray() : nextLine();
    }

    private boolean nextCsv() throws IOException {
        do {
            if (!csv.next()) {
                return false;
            }
        } while (csv.size() == 1 && csv.get(0).isBlank());
        line = csv.line() + leading;
        raw = csv.raw();
        if (csv.size() != header.size()) {
            error = "has " + csv.size() + " fields where the header has " + header.size();
            return true;
        }
        ObjectNode object = RecordReader.JSON.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String cell = csv.get(i).trim();
            if (!cell.isEmpty()) {
                object.put(header.get(i), cell);
            }
        }
        record = object;
        return true;
    }

    private boolean nextLine() throws IOException {
        String text;
        while ((text = lines.readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                break;
            }
            blankLines++;
        }
        if (text == null) {
            return false;
        }
        raw = text;
        try {
            JsonNode node = RecordReader.JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                record = object;
            } else {
                error = "not a JSON object";
            }
        } catch (JacksonException e) {
            if (!splitConcatenated(text)) {
                error = "not valid JSON: " + e.getOriginalMessage();
            }
        }
        return true;
    }

    /** Several objects run together on one line ({@code }{}): each becomes a record of its own, all at this line. */
    private boolean splitConcatenated(String text) {
        java.util.List<ObjectNode> objects = new java.util.ArrayList<>();
        try (JsonParser parser = RecordReader.JSON.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                JsonNode node = IN_ARRAY.readTree(parser);
                if (!(node instanceof ObjectNode object)) {
                    return false;
                }
                objects.add(object);
            }
        } catch (JacksonException e) {
            return false;
        }
        if (objects.size() < 2) {
            return false;
        }
        concatenated += objects.size() - 1;
        record = objects.getFirst();
        split.addAll(objects.subList(1, objects.size()));
        return true;
    }

    /** Objects that came run together on a line with another, beyond the first of each such line. */
    public long concatenated() {
        return concatenated;
    }

    private boolean nextInArray() {
        try {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return false;
            }
            line = array.currentTokenLocation().getLineNr() + leading;
            limited.startRecord();
            JsonNode node = IN_ARRAY.readTree(array);
            raw = RecordReader.JSON.writeValueAsString(node);
            if (unwrap && node instanceof ObjectNode envelope) {
                // v1 search: {recordid, fields: {...}}; Explore v2.0: {record: {id, fields: {...}}}
                JsonNode inner = envelope.get("fields");
                if (!(inner instanceof ObjectNode) && envelope.get("record") instanceof ObjectNode wrapped) {
                    inner = wrapped.get("fields");
                }
                node = inner instanceof ObjectNode fields ? fields : node;
            }
            if (node instanceof ObjectNode object) {
                record = object;
            } else {
                error = "not a JSON object";
            }
            return true;
        } catch (JacksonException e) {
            throw new StructureException(fileLabel + " is not valid JSON near line "
                    + (e.getLocation() == null ? line : e.getLocation().getLineNr() + leading) + ": "
                    + e.getOriginalMessage()
                    + ". Nothing of it was applied.");
        }
    }

    /** The record, or null when the line could not be read ({@link #error()} says why). */
    public ObjectNode record() {
        return record;
    }

    public String error() {
        return error;
    }

    /** The line the record is on (JSON Lines) or starts on (an array). */
    public long line() {
        return line;
    }

    /** Blank lines met so far: a stream's heartbeats. */
    public long blankLines() {
        return blankLines;
    }

    public String raw() {
        return raw.length() > 4000 ? raw.substring(0, 4000) : raw;
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        } else if (array != null) {
            array.close();
        } else {
            lines.close();
        }
    }
}
