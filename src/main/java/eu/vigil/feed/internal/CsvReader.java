package eu.vigil.feed.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Streams RFC 4180 CSV (comma, {@code "} quoting with {@code ""} escapes, LF or CRLF) one record at a
 * time without loading the file. An empty field and {@code ""} both read as "".
 */
public final class CsvReader implements Closeable {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line;
    private long recordLine;
    private String[] fields = new String[16];
    private int fieldCount;
    private final StringBuilder field = new StringBuilder(64);
    /** The part of the current record that was in earlier buffer fills; the rest is buffer[recordStart, recordEnd). */
    private final StringBuilder rawHead = new StringBuilder(256);

    private int recordStart;
    private int recordEnd;
    private boolean inRecord;

    private final char delimiter;
    private final String part;
    private final int maxField;

    public CsvReader(Reader in) {
        this(in, ',', "the file", Integer.MAX_VALUE);
    }

    /** A reader of {@code delimiter}-separated text whose cells may hold at most {@code maxField} characters. */
    public CsvReader(Reader in, char delimiter, String part, int maxField) {
        this.in = in;
        this.delimiter = delimiter;
        this.part = part;
        this.maxField = maxField;
    }

    /** Reads the next record; false at the end of the input. */
    public boolean next() throws IOException {
        fieldCount = 0;
        rawHead.setLength(0);
        inRecord = false;
        if (!fill()) {
            return false;
        }
        inRecord = true;
        recordStart = position;
        recordLine = ++line;
        boolean quoted = false;
        boolean wasQuoted = false;
        field.setLength(0);
        while (true) {
            if (position >= limit && !fill()) {
                recordEnd = position;
                addField(wasQuoted);
                return true;
            }
            char c = buffer[position++];
            if (quoted) {
                if (c == '"') {
                    if (position >= limit && !fill()) {
                        quoted = false;
                        continue;
                    }
                    if (buffer[position] == '"') {
                        field.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(c);
                }
            } else if (c == delimiter) {
                addField(wasQuoted);
                wasQuoted = false;
            } else if (c == '\n') {
                recordEnd = position - 1;
                addField(wasQuoted);
                return true;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c != '\r') {
                append(c);
            }
        }
    }

    private void append(char c) {
        if (field.length() >= maxField) {
            throw new OversizedFileException(
                    part,
                    "has a cell longer than " + maxField + " characters at line " + recordLine,
                    "max-field-length");
        }
        field.append(c);
    }

    private void addField(boolean wasQuoted) {
        if (fieldCount == 10_000) {
            throw new OversizedFileException(
                    part, "has a record of more than 10000 cells at line " + recordLine, "max-field-length");
        }
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[fieldCount++] = field.isEmpty() ? "" : field.toString();
        field.setLength(0);
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (inRecord) {
            if (rawHead.length() < 4000) {
                // only the start of a record is ever shown
                rawHead.append(buffer, recordStart, Math.min(limit - recordStart, 4000));
            }
            recordStart = 0;
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            position = 0;
            limit = 0;
            recordStart = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /**
     * Counts the records left without materialising their fields (quote-aware, so a newline inside a
     * quoted field does not count); the reader is at its end afterwards.
     */
    public long skipRemaining() throws IOException {
        long records = 0;
        boolean quoted = false;
        boolean pending = false;
        inRecord = false;
        while (fill()) {
            for (int i = position; i < limit; i++) {
                char c = buffer[i];
                if (c == '"') {
                    quoted = !quoted;
                    pending = true;
                } else if (c == '\n' && !quoted) {
                    if (pending) {
                        records++;
                    }
                    pending = false;
                } else if (c != '\r') {
                    pending = true;
                }
            }
            position = limit;
        }
        return pending ? records + 1 : records;
    }

    public int size() {
        return fieldCount;
    }

    public String get(int index) {
        return index < fieldCount ? fields[index] : "";
    }

    public String[] fields() {
        return Arrays.copyOf(fields, fieldCount);
    }

    /** The line the current record started on (1 = the header). */
    public long line() {
        return recordLine;
    }

    /** The record as it stood in the file, for the quarantine. */
    public String raw() {
        StringBuilder raw =
                new StringBuilder(rawHead).append(buffer, recordStart, Math.max(0, recordEnd - recordStart));
        if (!raw.isEmpty() && raw.charAt(raw.length() - 1) == '\r') {
            raw.setLength(raw.length() - 1);
        }
        return raw.length() > 4000 ? raw.substring(0, 4000) : raw.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
