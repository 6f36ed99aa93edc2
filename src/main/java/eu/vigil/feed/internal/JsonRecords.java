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
 * are counted and skipped) or one JSON array of objects as an export writes it, pretty-printed or not.
 * A line that is not a JSON object is reported with its number and why; in an array, each record is
 * reported at the line where it starts.
 */
public final class JsonRecords implements Closeable {

    /** Reads one element of the array at a time: the elements after it are not "trailing tokens". */
    private static final ObjectReader IN_ARRAY = RecordReader.JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BufferedReader lines;
    private final JsonParser array;
    private final String fileLabel;
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
        PushbackReader in = new PushbackReader(files.openData(), 1);
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
            throw new StructureException(fileLabel + " is empty: expected JSON Lines (one JSON object per line) or a JSON array of records.");
        }
        in.unread(c);
        if (c == '[') {
            JsonParser parser = RecordReader.JSON.createParser(in);
            parser.nextToken();
            JsonRecords records = new JsonRecords(null, parser, fileLabel);
            records.leading = leadingLines;
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

    /** Moves to the next record; false at the end. */
    public boolean next() throws IOException {
        record = null;
        error = null;
        return array != null ? nextInArray() : nextLine();
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
            error = "not valid JSON: " + e.getOriginalMessage();
        }
        return true;
    }

    private boolean nextInArray() {
        try {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return false;
            }
            line = array.currentTokenLocation().getLineNr() + leading;
            JsonNode node = IN_ARRAY.readTree(array);
            raw = RecordReader.JSON.writeValueAsString(node);
            if (node instanceof ObjectNode object) {
                record = object;
            } else {
                error = "not a JSON object";
            }
            return true;
        } catch (JacksonException e) {
            throw new StructureException(fileLabel + " is not valid JSON near line "
                    + (e.getLocation() == null ? line : e.getLocation().getLineNr() + leading) + ": " + e.getOriginalMessage()
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
        if (array != null) {
            array.close();
        } else {
            lines.close();
        }
    }
}
