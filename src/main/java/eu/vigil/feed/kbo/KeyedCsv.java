package eu.vigil.feed.kbo;

import eu.vigil.feed.internal.CsvReader;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.StructureException;
import java.io.Closeable;
import java.io.IOException;

/**
 * One KBO data file read in key order. Rows whose key is not a number go to the quarantine; a key
 * smaller than the one before means the file is not sorted as KBO publishes it, which stops the run.
 */
final class KeyedCsv implements Closeable {

    static final long END = Long.MAX_VALUE;

    final String name;
    private final CsvReader csv;
    private final IngestionContext context;
    private final int columns;
    private long key = -1;
    private long previous = -1;

    KeyedCsv(ExtractFiles files, String name, int columns, IngestionContext context) throws IOException {
        this.name = name;
        this.columns = columns;
        this.context = context;
        this.csv = files.csv(name);
        if (!csv.next()) {
            throw new StructureException(name + " is empty: it has no header row.");
        }
        advance();
    }

    long key() {
        return key;
    }

    CsvReader row() {
        return csv;
    }

    void advance() throws IOException {
        while (csv.next()) {
            if (csv.size() == 1 && csv.get(0).isEmpty()) {
                continue;
            }
            context.read();
            if (csv.size() != columns) {
                context.quarantine(name, csv.line(), csv.raw(),
                        "expected " + columns + " fields, found " + csv.size());
                continue;
            }
            long parsed = KboNumbers.parse(csv.get(0));
            if (parsed < 0) {
                context.quarantine(name, csv.line(), csv.raw(), "'" + csv.get(0) + "' is not a KBO entity number");
                continue;
            }
            if (parsed < previous) {
                throw new StructureException(name + " is not sorted by its first column at line " + csv.line()
                        + " (" + csv.get(0) + " after " + KboNumbers.display(previous)
                        + "); KBO extracts are published sorted.");
            }
            previous = parsed;
            key = parsed;
            return;
        }
        key = END;
    }

    /** Counts the rest of the file as read without parsing it: rows a load has no use for. */
    void skipRest() throws IOException {
        if (key != END) {
            context.read(csv.skipRemaining());
            key = END;
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
