package eu.vigil.feed.kbo;

import eu.vigil.feed.internal.CsvReader;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.StructureException;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * One KBO data file read in key order. Rows whose key is not a number go to the quarantine. A Full's files
 * are streamed, so they must be sorted as KBO publishes them (a smaller key stops the run); an Update's are
 * small, and are read whole and sorted in memory when they are not.
 */
final class KeyedCsv implements Closeable {

    static final long END = Long.MAX_VALUE;

    final String name;
    private final CsvReader csv;
    private final KboRow streamed;
    private final IngestionContext context;
    private final int columns;
    private Iterator<Keyed> held;
    private KboRow row;
    private long key = -1;
    private long previous = -1;

    private record Keyed(long key, KboRow row) {}

    KeyedCsv(ExtractFiles files, String name, int columns, IngestionContext context) throws IOException {
        this(files, name, columns, context, false);
    }

    KeyedCsv(ExtractFiles files, String name, int columns, IngestionContext context, boolean sortInMemory)
            throws IOException {
        this.name = name;
        this.columns = columns;
        this.context = context;
        this.csv = files.csv(name);
        this.streamed = KboRow.of(csv);
        if (!csv.next()) {
            throw new StructureException(name + " is empty: it has no header row.");
        }
        if (sortInMemory) {
            List<Keyed> rows = new ArrayList<>();
            for (long parsed = nextValid(); parsed >= 0; parsed = nextValid()) {
                rows.add(new Keyed(parsed, new KboRow.Held(csv.fields(), csv.line(), csv.raw())));
            }
            rows.sort(Comparator.comparingLong(Keyed::key));
            held = rows.iterator();
        }
        advance();
    }

    long key() {
        return key;
    }

    KboRow row() {
        return row;
    }

    void advance() throws IOException {
        if (held != null) {
            if (held.hasNext()) {
                Keyed next = held.next();
                key = next.key();
                row = next.row();
            } else {
                key = END;
            }
            return;
        }
        long parsed = nextValid();
        if (parsed < 0) {
            key = END;
            return;
        }
        if (parsed < previous) {
            throw new StructureException(name + " is not sorted by its first column at line " + csv.line()
                    + " (" + csv.get(0) + " after " + KboNumbers.display(previous)
                    + "); a KBO Full extract must be sorted as KBO publishes it (an Update may come in any order).");
        }
        previous = parsed;
        key = parsed;
        row = streamed;
    }

    /** The next row with a well-formed key (the others are quarantined), or -1 at the end. */
    private long nextValid() throws IOException {
        while (csv.next()) {
            if (csv.size() == 1 && csv.get(0).isEmpty()) {
                continue;
            }
            context.read();
            if (csv.size() != columns) {
                context.quarantine(name, csv.line(), csv.raw(), "expected " + columns + " fields, found " + csv.size());
                continue;
            }
            long parsed = KboNumbers.parse(csv.get(0));
            if (parsed < 0) {
                context.quarantine(name, csv.line(), csv.raw(), "'" + csv.get(0) + "' is not a KBO entity number");
                continue;
            }
            return parsed;
        }
        return -1;
    }

    /** Counts the rest of the file as read without parsing it, and answers how many rows that was. */
    long skipRest() throws IOException {
        if (key == END) {
            return 0;
        }
        long rows = 1;
        if (held != null) {
            while (held.hasNext()) {
                held.next();
                rows++;
            }
        } else {
            long rest = csv.skipRemaining();
            context.read(rest);
            rows += rest;
        }
        key = END;
        return rows;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
