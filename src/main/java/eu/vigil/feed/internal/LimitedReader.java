package eu.vigil.feed.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * The text of one part of an extract with a bound on its lines: a line (or, while reading a JSON array,
 * one record of it) longer than the limit stops the run before it is held in memory.
 */
public final class LimitedReader extends Reader {

    private final Reader in;
    private final String part;
    private final int maxLine;
    private boolean records;
    private long sinceBreak;

    LimitedReader(Reader in, String part, int maxLine) {
        this.in = in;
        this.part = part;
        this.maxLine = maxLine;
    }

    /** From now on the limit applies to what is read between two {@link #startRecord()} calls, not to lines. */
    public void countRecords() {
        records = true;
        sinceBreak = 0;
    }

    public void startRecord() {
        sinceBreak = 0;
    }

    public String part() {
        return part;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(read, 0); i++) {
            if (buffer[i] == '\n' && !records) {
                sinceBreak = 0;
            } else if (++sinceBreak > maxLine) {
                throw new OversizedFileException(
                        part,
                        records
                                ? "has a record longer than " + maxLine + " characters"
                                : "has a line longer than " + maxLine + " characters",
                        "max-line-length");
            }
        }
        return read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
